package org.nf4j.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nf4j.Float64;

/** A graph the compiled executor cannot run is refused with a message and runs on SameDiff. */
@ExtendWith(Float64.class)
class GraphRunnerFallbackTest {

    /** loss = mean((x w + n)^2) with n drawn inside the graph: an in-graph random op. */
    private static SameDiff graphWithRandomOp() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, 4, 3);
        SDVariable w = sd.var("w", Nd4j.linspace(DataType.DOUBLE, 1, 6, 6).reshape(3, 2));
        SDVariable noise = sd.random().normal(0.0, 1.0, DataType.DOUBLE, 4, 2);
        SDVariable y = x.mmul(w).add(noise);
        sd.identity("loss", y.mul(y).mean()).markAsLoss();
        return sd;
    }

    @Test
    void randomOpIsRefusedWithAMessageAndTheGraphRunsOnSameDiff() {
        SameDiff sd = graphWithRandomOp();
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        GraphRunner runner = GraphRunner.gradients(sd, List.of("loss"), List.of("w"), Executor.COMPILED)
                .noticesTo(new PrintStream(said, true, StandardCharsets.UTF_8));
        Map<String, INDArray> feed = Map.of("x", Nd4j.ones(DataType.DOUBLE, 4, 3));
        StepResult first = runner.run(feed);
        assertEquals(Executor.SAMEDIFF, runner.executor());
        String reason = runner.fallbackReason().orElseThrow();
        assertTrue(reason.contains("random"), reason);
        String notice = said.toString(StandardCharsets.UTF_8);
        assertTrue(notice.contains("cannot run this graph") && notice.contains("runs on SameDiff"), notice);
        assertEquals(1, notice.lines().count(), "said once, in one line: " + notice);
        // SameDiff's results, fresh noise each call: the gradient is real and changes
        INDArray g1 = first.gradients().get("w").dup();
        INDArray g2 = runner.run(feed).gradients().get("w");
        assertEquals(2, g1.rank());
        assertTrue(g1.sub(g2).amaxNumber().doubleValue() > 0, "a new noise draw per call");
        assertEquals(1, said.toString(StandardCharsets.UTF_8).lines().count(), "not said again");
    }

    /** loss = sum(x w), w = ones [2, 1]. */
    private static SameDiff linearGraph() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, 2);
        SDVariable w = sd.var("w", Nd4j.ones(DataType.DOUBLE, 2, 1));
        sd.identity("loss", x.mmul(w).sum()).markAsLoss();
        return sd;
    }

    @Test
    void samediffExecutorNeverCompiles() {
        SameDiff sd = linearGraph();
        GraphRunner runner = GraphRunner.gradients(sd, List.of("loss"), List.of("w"), Executor.SAMEDIFF);
        Map<String, INDArray> feed = Map.of("x", Nd4j.ones(DataType.DOUBLE, 3, 2));
        assertEquals(6.0, runner.run(feed).outputs().get("loss").getDouble(0), 0.0);
        assertEquals(-1, runner.planSize(feed));
        assertTrue(runner.fallbackReason().isEmpty());
    }

    @Test
    void missingPlaceholderAndUnknownExecutorAreOneLineErrors() {
        SameDiff sd = linearGraph();
        GraphRunner runner = GraphRunner.gradients(sd, List.of("loss"), List.of("w"), Executor.COMPILED);
        Map<String, INDArray> feed = Map.of("x", Nd4j.ones(DataType.DOUBLE, 3, 2));
        runner.run(feed);
        RuntimeException e = assertThrows(RuntimeException.class, () -> runner.run(Map.of()));
        assertTrue(e.getMessage().contains("placeholder \"x\""), e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Executor.parse("fast"));
        assertEquals("executor must be compiled or samediff, got 'fast'", bad.getMessage());
        assertEquals(Executor.SAMEDIFF, Executor.parse("SameDiff"));
    }
}
