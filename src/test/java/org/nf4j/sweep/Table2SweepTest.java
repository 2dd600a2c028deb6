package org.nf4j.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nf4j.config.TrainConfig;
import org.nf4j.data.MnistSplit;
import org.nf4j.data.MnistSplitData;
import org.nf4j.eval.EvalRun;
import org.nf4j.eval.TestDigitSource;
import org.nf4j.eval.TestDigits;
import org.nf4j.spark.CellTask;
import org.nf4j.spark.FailFirstAttempt;
import org.nf4j.spark.LocalSpark;
import org.nf4j.spark.SweepEngine;
import org.nf4j.train.DlgmTrainer;
import org.nf4j.train.LoopSettings;

/** A tiny sweep (diagonal + planar K=2, 20 updates, test-written digits): files, reuse, resume. */
class Table2SweepTest {
    private static final MnistSplitData TRAIN = TestDigits.split(120, 1);
    private static final MnistSplitData VALIDATION = TestDigits.split(30, 2);
    private static final MnistSplitData TEST = TestDigits.split(30, 3);
    private static final EvalRun.Settings EVAL = new EvalRun.Settings("best", MnistSplit.TEST, 5, 1, 0, 10_000);

    private static Table2Sweep sweep(Path dir, TrainConfig base) {
        return sweep(dir, base, 1);
    }

    private static Table2Sweep sweep(Path dir, TrainConfig base, int seeds) {
        return new Table2Sweep(base, List.of("planar"), List.of(2, 0), seeds, java.util.Set.of(), "t2", dir.resolve("models"),
                dir.resolve("logs"), dir.resolve("out"), EVAL);
    }

    private static String run(Table2Sweep s) throws IOException {
        return run(s, 2, s.task(TestDigitSource.SMALL));
    }

    /** Runs the sweep on local[slots] with the given task; returns its console. */
    private static String run(Table2Sweep s, int slots, CellTask<Table2Cell, Table2Cell.Outcome> task) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SweepEngine engine = LocalSpark.engine(slots)) {
            s.run(engine, task, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Map<Path, FileTime> files(Path models) throws IOException {
        Map<Path, FileTime> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(models)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(p, Files.getLastModifiedTime(p));
            }
        }
        return m;
    }

    @Test
    void writesTableAndFigureThenASecondRunRedoesNothing(@TempDir Path dir) throws Exception {
        Table2Sweep s = sweep(dir, TestDigits.config(20));
        assertEquals(List.of("t2-diagonal-k0", "t2-planar-k2"), s.cells().stream().map(Table2Cell::run).toList());
        String first = run(s);
        assertTrue(first.contains("training t2-diagonal-k0") && first.contains("training t2-planar-k2"), first);
        String md = Files.readString(dir.resolve("out").resolve(Table2Sweep.MARKDOWN));
        assertTrue(md.contains("| DLGM diagonal covariance | 0 |") && md.contains("| 89.9 |"), md);
        assertTrue(java.util.regex.Pattern.compile("\\| DLGM \\+ NF \\(planar\\) \\| 2 \\| 1 \\| [^|]+\\| – \\| – \\| [+-]\\d+\\.\\d\\d ± \\d")
                .matcher(md).find(), "the planar row has its paired difference to K = 0:\n" + md);
        for (String paper : List.of("87.5", "86.5", "85.7", "85.1", "88.6", "87.9", "87.3", "87.2")) {
            assertTrue(md.contains(paper), paper + " missing from\n" + md);
        }
        String csv = Files.readString(dir.resolve("out").resolve(Table2Sweep.CSV));
        assertEquals(3, csv.lines().count(), csv);
        assertTrue(csv.lines().skip(1).findFirst().orElseThrow().contains(",0,1,20,") && csv.contains(",89.9,"), csv);
        assertTrue(Files.size(dir.resolve("out").resolve(Table2Sweep.FIGURE)) > 1000);
        assertTrue(first.contains("table: " + dir.resolve("out").resolve(Table2Sweep.MARKDOWN)), first);

        Map<Path, FileTime> before = files(dir.resolve("models"));
        String second = run(s);
        assertFalse(second.contains("training t2-") || second.contains("resuming t2-") || second.contains("evaluating "), second);
        assertEquals(2, second.split("reusing the trained run", -1).length - 1, second);
        assertEquals(2, second.split("eval.json: ", -1).length - 1, second);
        assertEquals(before, files(dir.resolve("models")), "no file under models/ was rewritten");
        assertEquals(md, Files.readString(dir.resolve("out").resolve(Table2Sweep.MARKDOWN)));
    }

    @Test
    void anInterruptedCellResumesFromItsCheckpoint(@TempDir Path dir) throws Exception {
        Table2Sweep s = sweep(dir, TestDigits.config(20));
        Table2Cell planar = s.cells().get(1);
        // "interrupted": 10 of the 20 updates done, checkpoint written, no train summary
        Path runDir = dir.resolve("models").resolve(planar.run());
        new DlgmTrainer(planar.config().with("steps", "10"), runDir, dir.resolve("logs").resolve(planar.run()),
                new PrintStream(new ByteArrayOutputStream())).run(TRAIN, VALIDATION, LoopSettings.Resume.NEVER);
        String out = run(s);
        assertTrue(out.contains("resuming t2-planar-k2 to 20 updates") && out.contains("(step 10)"), out);
        assertEquals(20, Table2Cell.trainedSteps(runDir));
        long best = org.nf4j.train.Checkpoint.read(runDir.resolve("checkpoints").resolve("best.zip")).step();
        assertTrue(best == 10 || best == 20, "best step " + best);
        assertTrue(Files.readString(runDir.resolve(EvalRun.EVAL_JSON)).contains("\"checkpoint_step\": " + best));
    }

    @Test
    void aRunFolderWithAnotherConfigurationIsNotMixedIn(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("models").resolve("t2-diagonal-k0");
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve("config.properties"), TestDigits.config(20).with("flow", "diagonal").with("k", "0")
                .with("lr", "0.5").with("run-name", "t2-diagonal-k0").toProperties());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(sweep(dir, TestDigits.config(20))));
        assertTrue(e.getMessage().contains("(lr 0.5 -> 0.003)") && e.getMessage().contains("--prefix"), e.getMessage());
    }

    @Test
    void severalSeedsTrainEveryModelAgainAndTheTableAveragesThem(@TempDir Path dir) throws Exception {
        Table2Sweep s = sweep(dir, TestDigits.config(20), 2);
        assertEquals(List.of("t2-diagonal-k0", "t2-planar-k2", "t2-diagonal-k0-seed2", "t2-planar-k2-seed2"),
                s.cells().stream().map(Table2Cell::run).toList());
        assertEquals(List.of(1L, 1L, 2L, 2L), s.cells().stream().map(c -> c.config().seed()).toList());
        run(s);
        double[] planar = new double[2];
        int i = 0;
        for (String r : List.of("t2-planar-k2", "t2-planar-k2-seed2")) {
            planar[i++] = org.nf4j.eval.EvalResult.parse(Files.readString(dir.resolve("models").resolve(r).resolve(EvalRun.EVAL_JSON)))
                    .negLogPxIs();
        }
        assertTrue(planar[0] != planar[1], "another seed, another run");
        String md = Files.readString(dir.resolve("out").resolve(Table2Sweep.MARKDOWN));
        String mean = String.format(java.util.Locale.ROOT, "| DLGM + NF (planar) | 2 | 2 | %.2f ± %.2f | %.2f |",
                (planar[0] + planar[1]) / 2, Math.abs(planar[0] - planar[1]) / 2, Math.abs(planar[0] - planar[1]) / Math.sqrt(2));
        assertTrue(md.contains(mean), mean + " missing from\n" + md);
        assertEquals(5, Files.readAllLines(dir.resolve("out").resolve(Table2Sweep.RUNS_CSV)).size());
        assertEquals(3, Files.readAllLines(dir.resolve("out").resolve(Table2Sweep.CSV)).size(), "one line per model");

        Table2Sweep onlyDiagonal = new Table2Sweep(TestDigits.config(20), List.of("planar"), List.of(2), 3, java.util.Set.of(0),
                "t2", dir.resolve("models"), dir.resolve("logs"), dir.resolve("out"), EVAL);
        assertEquals(List.of("t2-diagonal-k0", "t2-planar-k2", "t2-diagonal-k0-seed2", "t2-diagonal-k0-seed3"),
                onlyDiagonal.cells().stream().map(Table2Cell::run).toList());
    }

    @Test
    void aTruncatedBestCheckpointStopsTheSweepWithOneLine(@TempDir Path dir) throws Exception {
        Table2Sweep s = sweep(dir, TestDigits.config(20));
        run(s);
        Path best = dir.resolve("models").resolve("t2-planar-k2").resolve("checkpoints").resolve("best.zip");
        byte[] bytes = Files.readAllBytes(best);
        Files.write(best, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        org.nf4j.spark.SweepFailedException e = assertThrows(org.nf4j.spark.SweepFailedException.class, () -> run(s));
        assertTrue(e.getMessage().startsWith("cell t2-planar-k2: damaged or truncated checkpoint ")
                && e.getMessage().contains("best.zip"),
                e.getMessage());
        // whether the reused diagonal cell reached the driver before the job was aborted is Spark's timing
        // ("the 1 cell finished before are kept" or nothing); SweepEngineTest pins that clause down
        assertEquals(1, e.getMessage().lines().count());
        assertTrue(e.cellCause() instanceof IOException, "exit code 1, a failure of the run: " + e.cellCause());
    }

    @Test
    void oneAndTwoSlotsAndARetriedFaultGiveTheSameTable(@TempDir Path dir) throws Exception {
        Table2Sweep one = sweep(dir.resolve("one"), TestDigits.config(20));
        Table2Sweep two = sweep(dir.resolve("two"), TestDigits.config(20));
        Table2Sweep fault = sweep(dir.resolve("fault"), TestDigits.config(20));
        run(one, 1, one.task(TestDigitSource.SMALL));
        run(two, 2, two.task(TestDigitSource.SMALL));
        String log = run(fault, 2, new FailFirstAttempt<>(fault.task(TestDigitSource.SMALL), "t2-planar-k2",
                cell -> new Table2Cell(cell.flow(), cell.k(), cell.config().with("steps", "10"))));
        assertTrue(log.contains("[t2-planar-k2] attempt 1 failed: fault injected by the test half-way through t2-planar-k2"), log);
        assertTrue(log.contains("[t2-planar-k2] attempt 2 on executor driver")
                && log.contains("[t2-planar-k2] resuming t2-planar-k2 to 20 updates"), log);
        for (String file : List.of(Table2Sweep.MARKDOWN, Table2Sweep.CSV, Table2Sweep.RUNS_CSV)) {
            String undisturbed = Files.readString(dir.resolve("one").resolve("out").resolve(file));
            assertEquals(undisturbed, Files.readString(dir.resolve("two").resolve("out").resolve(file)), "local[2] = local[1]: " + file);
            assertEquals(undisturbed, Files.readString(dir.resolve("fault").resolve("out").resolve(file)),
                    "a retried cell = an undisturbed one: " + file);
        }
    }
}
