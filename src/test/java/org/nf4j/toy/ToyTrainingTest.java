package org.nf4j.toy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nf4j.Float64;
import org.nf4j.flows.FlowKind;
import org.nf4j.flows.FlowOptions;
import org.nf4j.targets.Targets;
import org.nf4j.train.CheckpointStore;

/** A run interrupted and run again continues from its checkpoint and ends where an uninterrupted run ends. */
@ExtendWith(Float64.class)
class ToyTrainingTest {
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);

    private static ToyConfig config(int steps, long seed) {
        return config(steps, seed, 0);
    }

    private static ToyConfig config(int steps, long seed, int decaySteps) {
        return ToyConfig.defaults("u2", FlowKind.NICE_PERM, 3).with(Map.of("steps", String.valueOf(steps), "batch", "64",
                "learning-rate", "1e-2", "lr-decay-steps", String.valueOf(decaySteps), "anneal-steps", "40",
                "seed", String.valueOf(seed), "eval-samples", "10000", "picture-samples", "0"));
    }

    private static ToyModel model(ToyConfig c) {
        return new ToyModel(Targets.byName(c.target()), c.flow(), c.k(), FlowOptions.defaults(), c.seed());
    }

    private static double[] parameters(ToyModel m) {
        return m.trainableNames().stream()
                .flatMapToDouble(n -> java.util.Arrays.stream(m.sameDiff().getVariable(n).getArr().dup().data().asDouble()))
                .toArray();
    }

    @Test
    void resumedRunEqualsUninterruptedRun(@TempDir Path dir) throws Exception {
        ToyModel straight = model(config(60, 5));
        assertEquals(0L, ToyTraining.train(straight, config(60, 5), List.of(), null, out));

        Path checkpoints = dir.resolve("checkpoints");
        ToyModel first = model(config(25, 5));
        assertEquals(0L, ToyTraining.train(first, config(25, 5), List.of(), checkpoints, out));
        assertEquals(1, new CheckpointStore(checkpoints, 1).steps().size());
        ToyModel second = model(config(60, 5));
        assertEquals(25L, ToyTraining.train(second, config(60, 5), List.of(), checkpoints, out));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("resuming from update 25"), log.toString(StandardCharsets.UTF_8));

        double[] expected = parameters(straight);
        double[] initial = parameters(model(config(60, 5)));
        assertArrayEquals(expected, parameters(second), 1e-12);
        // the comparison is not vacuous: training moved the parameters
        double moved = 0;
        for (int i = 0; i < expected.length; i++) {
            moved = Math.max(moved, Math.abs(expected[i] - initial[i]));
        }
        assertTrue(moved > 1e-3, "parameters moved by " + moved);
    }

    @Test
    void resumedRunWithDecayingRateEqualsUninterruptedRun(@TempDir Path dir) throws Exception {
        ToyModel straight = model(config(60, 5, 60));
        ToyTraining.train(straight, config(60, 5, 60), List.of(), null, out);
        Path checkpoints = dir.resolve("checkpoints");
        ToyTraining.train(model(config(25, 5, 60)), config(25, 5, 60), List.of(), checkpoints, out);
        ToyModel second = model(config(60, 5, 60));
        assertEquals(25L, ToyTraining.train(second, config(60, 5, 60), List.of(), checkpoints, out));
        assertArrayEquals(parameters(straight), parameters(second), 1e-12);

        // and the decay changes the trajectory (so the comparison above sees the schedule)
        ToyModel constant = model(config(60, 5, 0));
        ToyTraining.train(constant, config(60, 5, 0), List.of(), null, out);
        double[] a = parameters(straight);
        double[] b = parameters(constant);
        double differ = 0;
        for (int i = 0; i < a.length; i++) {
            differ = Math.max(differ, Math.abs(a[i] - b[i]));
        }
        assertTrue(differ > 1e-4, "decayed and constant rates ended " + differ + " apart");
    }

    @Test
    void finishedCheckpointSkipsTraining(@TempDir Path dir) throws Exception {
        Path checkpoints = dir.resolve("checkpoints");
        ToyModel trained = model(config(20, 5));
        ToyTraining.train(trained, config(20, 5), List.of(), checkpoints, out);
        ToyModel again = model(config(20, 5));
        assertEquals(20L, ToyTraining.train(again, config(20, 5), List.of(), checkpoints, out));
        assertArrayEquals(parameters(trained), parameters(again), 0.0);
    }

    @Test
    void checkpointOfOtherSettingsOrPastTheEndOrDamagedIsNotResumed(@TempDir Path dir) throws Exception {
        Path checkpoints = dir.resolve("checkpoints");
        ToyTraining.train(model(config(20, 5)), config(20, 5), List.of(), checkpoints, out);

        assertEquals(0L, ToyTraining.train(model(config(20, 6)), config(20, 6), List.of(), checkpoints, out));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("other settings"));
        // that run overwrote the checkpoint with seed 6 at update 20
        assertEquals(0L, ToyTraining.train(model(config(10, 6)), config(10, 6), List.of(), checkpoints, out));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("past the 10 asked for"));

        Files.write(new CheckpointStore(checkpoints, 1).steps().get(0), new byte[] {1, 2, 3});
        assertEquals(0L, ToyTraining.train(model(config(5, 6)), config(5, 6), List.of(), checkpoints, out));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("no readable checkpoint"));
    }
}
