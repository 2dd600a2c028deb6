package org.nf4j.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.factory.Nd4j;
import org.nf4j.Float64;

/**
 * What SameDiff's session decides at run time is decided the same way by a plan: the axis of a
 * legacy reduction given as an input (set on the shared op object before every run, so an
 * {@code sd.output} with another axis in between cannot leave it stale), and a plan per value of an
 * integer placeholder that decides shapes.
 */
@ExtendWith(Float64.class)
class SessionMirrorTest {

    @Test
    void reductionAxisFromAnInputIsSetEveryRun() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, 4, 3);
        // the axis as an op's output (SameDiff's session cannot read a placeholder there)
        SDVariable axis = sd.placeHolder("axis", DataType.INT, 1).add(0);
        SDVariable w = sd.var("w", Nd4j.arange(1, 13).castTo(DataType.DOUBLE).reshape(4, 3));
        SDVariable s = new Sum(sd, x.mul(w), axis, false).outputVariable();
        sd.identity("out", s.mul(2.0));
        GraphRunner runner = GraphRunner.outputs(sd, List.of("out"), Executor.COMPILED);
        INDArray xs = Nd4j.arange(-6, 6).castTo(DataType.DOUBLE).div(6).reshape(4, 3);
        for (int round = 0; round < 2; round++) {
            for (int a : new int[] {1, 0}) {
                Map<String, INDArray> feed = Map.of("x", xs.add(round), "axis", Nd4j.createFromArray(a));
                Map<String, INDArray> expected = sd.output(feed, "out");
                // SameDiff sets the other axis on the shared op object just before the plan runs
                sd.output(Map.of("x", xs, "axis", Nd4j.createFromArray(1 - a)), "out");
                StepResult actual = runner.run(feed);
                Equivalence.assertSameResults("axis " + a + " round " + round, expected, actual.outputs(), 1e-12);
                assertEquals(a == 1 ? 4 : 3, actual.outputs().get("out").length());
            }
        }
        assertEquals(Executor.COMPILED, runner.executor(), runner.fallbackReason().orElse(""));
    }

    @Test
    void aParameterGivenANewArrayIsSeenThroughAnIdentity() {
        SameDiff sd = SameDiff.create();
        // arrays held by reference, so that setArray replaces the array object (the default holder
        // copies into the old one, which a plan sees anyway)
        sd.setArrayHolders(new org.nd4j.autodiff.samediff.array.SingleThreadArrayHolder(),
                new org.nd4j.autodiff.samediff.array.SingleThreadArrayHolder(), false);
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, 3);
        SDVariable w = sd.var("w", Nd4j.arange(1, 7).castTo(DataType.DOUBLE).reshape(3, 2));
        sd.identity("out", x.mmul(sd.identity("wPassed", w)));
        GraphRunner runner = GraphRunner.outputs(sd, List.of("out"), Executor.COMPILED);
        Map<String, INDArray> feed = Map.of("x", Nd4j.arange(0, 6).castTo(DataType.DOUBLE).reshape(2, 3));
        runner.run(feed);
        INDArray before = sd.getVariable("w").getArr();
        sd.getVariable("w").setArray(Nd4j.arange(10, 16).castTo(DataType.DOUBLE).reshape(3, 2));
        org.junit.jupiter.api.Assertions.assertNotSame(before, sd.getVariable("w").getArr(), "a new array object");
        Equivalence.assertSameResults("after setArray", sd.output(feed, "out"), runner.run(feed).outputs(), 1e-12);
        assertEquals(Executor.COMPILED, runner.executor(), runner.fallbackReason().orElse(""));
    }

    @Test
    void largeIntegerFeedsAreNotCompiled() {
        SameDiff sd = SameDiff.create();
        SDVariable labels = sd.placeHolder("labels", DataType.INT, -1);
        sd.identity("out", labels.castTo(DataType.DOUBLE).mul(2.0));
        GraphRunner runner = GraphRunner.outputs(sd, List.of("out"), Executor.COMPILED)
                .noticesTo(new java.io.PrintStream(new java.io.ByteArrayOutputStream()));
        Map<String, INDArray> feed = Map.of("labels", Nd4j.arange(0, 40).castTo(DataType.INT));
        assertEquals(78.0, runner.run(feed).outputs().get("out").getDouble(39), 0.0);
        assertEquals(Executor.SAMEDIFF, runner.executor());
        org.junit.jupiter.api.Assertions.assertTrue(runner.fallbackReason().orElseThrow().contains("integer or boolean feed"));
    }
}
