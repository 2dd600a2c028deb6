package org.nf4j.toy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nf4j.Float64;
import org.nf4j.flows.FlowKind;
import org.nf4j.flows.FlowOptions;
import org.nf4j.targets.Energy2D;
import org.nf4j.targets.Targets;

/**
 * Targets trained together in one graph end exactly where each would end trained alone (float64),
 * for every flow kind, with a clipping norm low enough that the groups are clipped differently.
 */
@ExtendWith(Float64.class)
class ToyGroupTrainingTest {
    private static final List<String> TARGETS = List.of("u1", "u3", "u4");
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);

    private static ToyConfig config(String target, FlowKind flow, int steps) {
        return ToyConfig.defaults(target, flow, 2).with(Map.of("steps", String.valueOf(steps), "batch", "32",
                "learning-rate", "1e-2", "lr-decay-steps", "0", "clip-norm", "3.0", "anneal-steps", "20", "seed", "7",
                "eval-samples", "10000", "picture-samples", "0"));
    }

    private static double[] parameters(ToyModel m) {
        return m.trainableNames().stream()
                .flatMapToDouble(n -> Arrays.stream(m.sameDiff().getVariable(n).getArr().dup().data().asDouble()))
                .toArray();
    }

    private static ToyGroupModel group(FlowKind flow) {
        List<Energy2D> targets = new ArrayList<>();
        for (String t : TARGETS) {
            targets.add(Targets.byName(t));
        }
        return new ToyGroupModel(targets, flow, 2, FlowOptions.defaults(), 7);
    }

    @ParameterizedTest
    @EnumSource(FlowKind.class)
    void eachGroupEndsWhereItsOwnRunEnds(FlowKind flow) throws Exception {
        int steps = 30;
        ToyGroupModel together = group(flow);
        assertEquals(0L, ToyTraining.train(together, config("u1", flow, steps), List.of(), null, out));
        for (int g = 0; g < TARGETS.size(); g++) {
            ToyConfig c = config(TARGETS.get(g), flow, steps);
            ToyModel alone = new ToyModel(Targets.byName(c.target()), flow, 2, FlowOptions.defaults(), 7);
            double[] initial = parameters(alone);
            ToyTraining.train(alone, c, List.of(), null, out);
            double[] expected = parameters(alone);
            double[] actual = parameters(together.model(g));
            assertArrayEquals(expected, actual, 1e-9, flow + " " + c.target());
            double moved = 0;
            for (int i = 0; i < expected.length; i++) {
                moved = Math.max(moved, Math.abs(expected[i] - initial[i]));
            }
            assertTrue(moved > 1e-2, "training moved the parameters (" + moved + ")");
        }
    }

    @Test
    void resumedGroupEqualsUninterruptedGroup(@TempDir Path dir) throws Exception {
        ToyGroupModel straight = group(FlowKind.PLANAR);
        ToyTraining.train(straight, config("u1", FlowKind.PLANAR, 40), List.of(), null, out);
        Path checkpoints = dir.resolve("checkpoints");
        ToyTraining.train(group(FlowKind.PLANAR), config("u1", FlowKind.PLANAR, 15), List.of(), checkpoints, out);
        ToyGroupModel resumed = group(FlowKind.PLANAR);
        assertEquals(15L, ToyTraining.train(resumed, config("u1", FlowKind.PLANAR, 40), List.of(), checkpoints, out));
        for (int g = 0; g < TARGETS.size(); g++) {
            assertArrayEquals(parameters(straight.model(g)), parameters(resumed.model(g)), 1e-12);
        }
    }
}
