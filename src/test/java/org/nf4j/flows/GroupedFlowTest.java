package org.nf4j.flows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nf4j.nn.Trainables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A grouped flow is G independent copies of the global flow: in float64, with each group's
 * parameters moved apart from the others, group g's rows get exactly the output, log|det J| and
 * parameter gradient of a global flow holding group g's parameters (whose own log-dets and
 * gradients {@link FlowContractTest} checks against finite differences).
 */
@org.junit.jupiter.api.extension.ExtendWith(org.nf4j.Float64.class)
class GroupedFlowTest {
    private static final int GROUPS = 3;
    private static final int BATCH = 5;
    private static final long SEED = 11;

    static List<Arguments> cases() {
        List<Arguments> args = new ArrayList<>();
        for (FlowKind kind : FlowKind.values()) {
            for (int dim : new int[] {2, 3}) {
                for (int k : new int[] {1, 3}) {
                    args.add(Arguments.of(kind, dim, k));
                }
            }
        }
        return args;
    }

    /** The graph of a flow and a loss sum(c * z_K) + sum(c' * logDet) whose gradient covers both outputs. */
    private record Built(SameDiff sd, Flow flow, SDVariable z, SDVariable logDet, SDVariable loss) {
    }

    private static Built build(FlowKind kind, int dim, int k, int groups, int rows) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, dim);
        SDVariable cz = sd.placeHolder("cz", DataType.DOUBLE, -1, dim);
        SDVariable cd = sd.placeHolder("cd", DataType.DOUBLE, -1);
        Flow flow;
        if (groups == 0) {
            flow = kind.global(sd, "flow", dim, k, FlowOptions.defaults(), new Random(SEED));
        } else {
            SDVariable membership = sd.placeHolder("membership", DataType.DOUBLE, -1, groups);
            flow = kind.grouped(sd, "flow", dim, k, membership, groups, FlowOptions.defaults(), new Random(SEED));
        }
        FlowOutput out = flow.forward(x);
        SDVariable loss = out.z().mul(cz).sum().add(out.logDet().mul(cd).sum());
        return new Built(sd, flow, out.z(), out.logDet(), loss);
    }

    @ParameterizedTest(name = "{0} d={1} K={2}")
    @MethodSource("cases")
    void eachGroupIsTheGlobalFlowWithItsParameters(FlowKind kind, int dim, int k) {
        Random rng = new Random(5);
        int rows = GROUPS * BATCH;
        Built grouped = build(kind, dim, k, GROUPS, rows);
        Built global = build(kind, dim, k, 0, BATCH);
        List<String> names = Trainables.of(global.sd());
        assertEquals(names, Trainables.of(grouped.sd()), "a grouped flow has the global flow's variables");
        for (String n : names) {
            INDArray init = global.sd().getVariable(n).getArr();
            INDArray all = grouped.sd().getVariable(n).getArr();
            for (int g = 0; g < GROUPS; g++) {
                assertEquals(init, Groups.part(all, g, GROUPS), n + ": every group starts at the global values");
            }
            // move the groups apart, so a mix-up between groups shows
            all.addi(Nd4j.rand(DataType.DOUBLE, all.shape()).subi(0.5).muli(0.6));
        }
        INDArray x = Nd4j.randn(DataType.DOUBLE, rows, dim);
        INDArray cz = Nd4j.randn(DataType.DOUBLE, rows, dim);
        INDArray cd = Nd4j.randn(DataType.DOUBLE, rows);
        Map<String, INDArray> feed = Map.of("x", x, "cz", cz, "cd", cd,
                "membership", Groups.membership(GROUPS, BATCH, DataType.DOUBLE));
        Map<String, INDArray> outs = grouped.sd().output(feed, grouped.z().name(), grouped.logDet().name());
        Map<String, INDArray> grads = grouped.sd().calculateGradients(feed, names);
        for (int g = 0; g < GROUPS; g++) {
            for (String n : names) {
                global.sd().getVariable(n).setArray(Groups.part(grouped.sd().getVariable(n).getArr(), g, GROUPS).dup());
            }
            Rows r = new Rows(g * BATCH, (g + 1) * BATCH);
            Map<String, INDArray> gFeed = Map.of("x", r.of(x), "cz", r.of(cz), "cd", r.of(cd));
            Map<String, INDArray> gOuts = global.sd().output(gFeed, global.z().name(), global.logDet().name());
            assertClose(gOuts.get(global.z().name()), r.of(outs.get(grouped.z().name())), kind + " z, group " + g);
            assertClose(gOuts.get(global.logDet().name()), r.of(outs.get(grouped.logDet().name())), kind + " log-det, group " + g);
            Map<String, INDArray> gGrads = global.sd().calculateGradients(gFeed, names);
            for (String n : names) {
                assertClose(gGrads.get(n), Groups.part(grads.get(n), g, GROUPS), kind + " gradient of " + n + ", group " + g);
            }
        }
    }

    private record Rows(long from, long to) {
        INDArray of(INDArray a) {
            return a.rank() == 1 ? a.get(NDArrayIndex.interval(from, to)) : a.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
        }
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertTrue(expected.equalsWithEps(actual.reshape(expected.shape()), 1e-10),
                what + ": expected " + expected + " got " + actual);
    }

    @Test
    void membershipIsOneHotByGroup() {
        INDArray m = Groups.membership(2, 3, DataType.DOUBLE);
        assertEquals(Nd4j.createFromArray(new double[][] {{1, 0}, {1, 0}, {1, 0}, {0, 1}, {0, 1}, {0, 1}}), m);
    }

    @Test
    void partRejectsAShapeThatDoesNotSplit() {
        assertThrows(IllegalArgumentException.class, () -> Groups.part(Nd4j.zeros(5, 2), 0, 2));
        assertThrows(IllegalArgumentException.class, () -> Groups.part(Nd4j.zeros(4, 2), 2, 2));
    }
}
