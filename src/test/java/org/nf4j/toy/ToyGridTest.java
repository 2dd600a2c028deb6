package org.nf4j.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nf4j.flows.FlowKind;
import org.nf4j.spark.FailFirstAttempt;
import org.nf4j.spark.LocalSpark;
import org.nf4j.spark.SweepEngine;

/**
 * A tiny grid (two jobs) writes its figures and tables in grid order, labels each job's lines, and a
 * second run reuses every finished cell and continues an unfinished one from its checkpoint.
 */
class ToyGridTest {

    /** 20 updates of 64 samples per cell, 10,000 evaluation samples. */
    private static ToyConfig short20(ToyConfig c) {
        return c.with(Map.of("steps", "20", "batch", "64", "lr-decay-steps", "20", "eval-samples", "10000",
                "picture-samples", "5000"));
    }

    private static ToyGrid grid(Path dir, boolean together) {
        return new ToyGrid(List.of("u1", "u3"), List.of(FlowKind.PLANAR, FlowKind.NICE_PERM), List.of(1, 2),
                dir.resolve("models"), dir.resolve("logs"),
                ToyGridTest::short20, together);
    }

    /** Runs the grid on local[slots]. */
    static List<ToySummary> run(ToyGrid grid, int slots, PrintStream out) throws Exception {
        try (SweepEngine engine = LocalSpark.engine(slots)) {
            return grid.run(engine, out);
        }
    }

    @Test
    void eachCellIsItsDefaultsWithTheOverridesInTheGridsFolders(@TempDir Path dir) {
        ToyConfig cell = grid(dir, true).cellConfig("u3", FlowKind.NICE_PERM, 2);
        assertEquals(short20(ToyConfig.defaults("u3", FlowKind.NICE_PERM, 2)).withFolders(
                dir.resolve("models").resolve("u3-nice-perm-k2"), dir.resolve("logs").resolve("u3-nice-perm-k2")), cell);
    }

    @Test
    void writesFiguresAndTablesAndResumes(@TempDir Path dir) throws Exception {
        ToyGrid grid = grid(dir, true);
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        List<ToySummary> summaries = run(grid, 2, new PrintStream(first, true));
        assertEquals(8, summaries.size());
        // flows, then targets, then K, whatever order the jobs ran in
        ToySummary fourth = summaries.get(3);
        assertEquals(List.of("planar", "u3", 2), List.of(fourth.flow(), fourth.target(), fourth.k()));
        assertEquals(2, fourth.trainedWith());
        String log1 = first.toString();
        assertTrue(log1.contains("[nice-perm-k2] training u1,u3 together in one graph"), log1);
        assertTrue(log1.contains("[nice-perm-k2] result u3 nice-perm K=2"), log1);
        assertTrue(log1.contains("grid: 8/8 runs finished"), log1);
        Path root = dir.resolve("models");
        assertTrue(Files.exists(root.resolve("figure3-planar.png")));
        assertTrue(Files.exists(root.resolve("figure3-nice-perm.png")));
        assertTrue(Files.exists(root.resolve("bound-vs-k-u1.png")));
        List<String> csv = Files.readAllLines(root.resolve("bounds.csv"));
        assertEquals(9, csv.size());
        assertTrue(Files.readString(root.resolve("bounds.md")).contains("| u3 | nice-perm |"));

        // a group interrupted after its training continues from the group's checkpoint
        for (String t : List.of("u1", "u3")) {
            Files.delete(root.resolve(t + "-nice-perm-k2").resolve(ToyRun.SUMMARY));
        }
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        List<ToySummary> again = run(grid, 2, new PrintStream(second, true));
        String log = second.toString();
        assertEquals(6, log.split("reusing", -1).length - 1, log);
        assertTrue(log.contains("[nice-perm-k2] resuming from update 20"), log);
        assertTrue(log.contains("grid: 8/8 runs finished (nice-perm-k2 just now)"), log);
        assertEquals(summaries.get(3).bound(), again.get(3).bound(), 1e-6);
        ToySummary redone = ToyGrid.find(again, "u1", "nice-perm", 2);
        assertEquals(20, redone.resumedFrom());
        assertEquals(ToyGrid.find(summaries, "u1", "nice-perm", 2).bound(), redone.bound(), 1e-9);
    }

    @Test
    void separateRunsResumeFromTheirOwnCheckpoints(@TempDir Path dir) throws Exception {
        ToyGrid grid = new ToyGrid(List.of("u1", "u3"), List.of(FlowKind.NICE_PERM), List.of(2),
                dir.resolve("models"), dir.resolve("logs"),
                ToyGridTest::short20, false);
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        List<ToySummary> summaries = run(grid, 2, new PrintStream(first, true));
        String log1 = first.toString();
        assertTrue(log1.contains("[u3-nice-perm-k2] result u3 nice-perm K=2"), log1);
        assertEquals(1, summaries.get(0).trainedWith());
        Path unfinished = dir.resolve("models").resolve("u1-nice-perm-k2");
        Files.delete(unfinished.resolve(ToyRun.SUMMARY));
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        List<ToySummary> again = run(grid, 2, new PrintStream(second, true));
        String log = second.toString();
        assertEquals(1, log.split("reusing", -1).length - 1, log);
        assertTrue(log.contains("[u1-nice-perm-k2] resuming from update 20"), log);
        assertEquals(summaries.get(0).bound(), again.get(0).bound(), 1e-9);
    }

    @Test
    void aCellIsReusedOnlyWhenItsWholeConfigurationMatches(@TempDir Path dir) throws Exception {
        java.util.function.Function<java.util.function.UnaryOperator<ToyConfig>, String> run = overrides -> {
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            try {
                run(new ToyGrid(List.of("u1"), List.of(FlowKind.PLANAR), List.of(1), dir.resolve("models"), dir.resolve("logs"),
                        overrides, false), 1, new PrintStream(log, true));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return log.toString();
        };
        run.apply(ToyGridTest::short20);
        String otherExecutor = run.apply(c -> short20(c).with("executor", "samediff"));
        assertTrue(otherExecutor.contains("reusing "), "the executor does not change the numbers:\n" + otherExecutor);
        String otherSeed = run.apply(c -> short20(c).with("seed", "2"));
        assertTrue(otherSeed.contains("redoing u1-planar-k1: its config.json differs from this grid's (seed 1 -> 2)"), otherSeed);
        assertFalse(otherSeed.contains("reusing "), otherSeed);
        String moreSamples = run.apply(c -> short20(c).with(Map.of("seed", "2", "eval-samples", "20000")));
        assertTrue(moreSamples.contains("(eval_samples 10000 -> 20000)"), moreSamples);
    }

    @Test
    void oneAndTwoSlotsAndARetriedFaultGiveTheSameTable(@TempDir Path dir) throws Exception {
        java.util.function.Function<String, ToyGrid> grid = name -> new ToyGrid(List.of("u1", "u3"), List.of(FlowKind.PLANAR),
                List.of(1, 2), dir.resolve(name), dir.resolve(name + "-logs"), ToyGridTest::short20, true);
        run(grid.apply("one"), 1, new PrintStream(new ByteArrayOutputStream(), true));
        run(grid.apply("two"), 2, new PrintStream(new ByteArrayOutputStream(), true));
        ByteArrayOutputStream faulty = new ByteArrayOutputStream();
        List<ToySummary> retried;
        try (SweepEngine engine = LocalSpark.engine(2)) {
            retried = grid.apply("fault").run(engine, new FailFirstAttempt<>(ToyGrid.TASK, "planar-k2", job -> job.withSteps(10)),
                    new PrintStream(faulty, true));
        }
        String one = Files.readString(dir.resolve("one").resolve("bounds.md"));
        assertEquals(one, Files.readString(dir.resolve("two").resolve("bounds.md")), "local[2] = local[1]");
        assertEquals(one, Files.readString(dir.resolve("fault").resolve("bounds.md")), "a retried cell = an undisturbed one");
        String log = faulty.toString();
        assertTrue(log.contains("[planar-k2] attempt 1 failed: fault injected by the test half-way through planar-k2"), log);
        assertTrue(log.contains("[planar-k2] attempt 2 on executor driver") && log.contains("[planar-k2] resuming from update 10"), log);
        assertEquals(10, ToyGrid.find(retried, "u3", "planar", 2).resumedFrom());
        assertEquals(0, ToyGrid.find(retried, "u3", "planar", 1).resumedFrom());
    }
}
