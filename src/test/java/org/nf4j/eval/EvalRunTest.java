package org.nf4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nf4j.data.MnistSplit;
import org.nf4j.data.MnistSplitData;
import org.nf4j.logging.EventFileReader;
import org.nf4j.train.Checkpoint;
import org.nf4j.train.CheckpointStore;
import org.nf4j.train.DlgmTrainer;
import org.nf4j.train.LoopSettings;
import org.tensorflow.proto.Event;

/** eval on a run trained for a few updates on test-written digits: eval.json, TensorBoard, consistency. */
class EvalRunTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());
    @TempDir
    static Path dir;
    static Path runDir;
    static MnistSplitData test = TestDigits.split(40, 3);

    @BeforeAll
    static void train() throws Exception {
        runDir = dir.resolve("models").resolve("tiny");
        new DlgmTrainer(TestDigits.config(30), runDir, dir.resolve("logs").resolve("tiny"), QUIET)
                .run(TestDigits.split(200, 1), TestDigits.split(60, 2), LoopSettings.Resume.NEVER);
    }

    private static EvalRun.Settings settings(String checkpoint, int samples, int limit) {
        return new EvalRun.Settings(checkpoint, MnistSplit.TEST, samples, 1, limit, 10_000);
    }

    @Test
    void evalJsonHoldsConsistentEstimatesWithStandardErrors() throws Exception {
        Path logs = dir.resolve("logs").resolve("tiny");
        EvalResult r = EvalRun.run(runDir, logs, test, settings("best", 30, 25), QUIET);
        String json = Files.readString(runDir.resolve(EvalRun.EVAL_JSON));
        for (String key : List.of("split", "neg_elbo", "neg_elbo_se", "neg_log_px_is", "neg_log_px_is_se", "is_samples",
                "kl_estimate", "kl_estimate_se", "checkpoint_step", "examples")) {
            assertTrue(json.contains("\"" + key + "\": "), key + " missing from " + json);
        }
        assertTrue(json.contains("\"split\": \"test\"") && json.contains("\"is_samples\": 30"), json);
        EvalResult back = EvalResult.parse(json);
        assertEquals(25, back.examples());
        assertEquals(Checkpoint.read(runDir.resolve("checkpoints").resolve(CheckpointStore.BEST)).step(), back.checkpointStep());
        assertEquals(r.negLogPxIs(), back.negLogPxIs(), 1e-6);
        assertEquals(r.klEstimateSe(), back.klEstimateSe(), 1e-6);
        // KL = -ELBO - (-ln p) >= 0 example by example (ln mean w >= mean ln w), so also on average
        assertEquals(back.negElbo() - back.negLogPxIs(), back.klEstimate(), 1e-5);
        assertTrue(back.klEstimate() > 0, json);
        assertTrue(back.negElboSe() > 0 && back.negLogPxIsSe() > 0 && back.klEstimateSe() > 0, json);

        Map<String, Float> scalars = new HashMap<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path f : files.toList()) {
                for (Event e : EventFileReader.readEvents(f)) {
                    e.getSummary().getValueList().forEach(v -> scalars.put(v.getTag(), v.getSimpleValue()));
                }
            }
        }
        assertEquals(r.negLogPxIs(), scalars.get("eval/test/neg_log_px_is"), 1e-3);
        assertEquals(r.klEstimate(), scalars.get("eval/test/kl_estimate"), 1e-3);
    }

    @Test
    void withOneSampleTheEstimateIsTheElbo() throws Exception {
        EvalResult r = EvalRun.run(runDir, null, test, settings("latest", 1, 10), QUIET);
        assertEquals(r.negElbo(), r.negLogPxIs(), 1e-9);
        assertEquals(0.0, r.klEstimate(), 1e-9);
        assertEquals(30, r.checkpointStep(), "latest is the last step checkpoint");
    }

    @Test
    void moreSamplesTightenTheBoundOnTheSameDigits() throws Exception {
        // E ln p_S grows with S: the S = 100 estimate of -ln p(x) is below the S = 5 one, far beyond noise here
        EvalResult few = EvalRun.run(runDir, null, test, settings("best", 5, 0), QUIET);
        EvalResult many = EvalRun.run(runDir, null, test, settings("best", 100, 0), QUIET);
        assertEquals(40, many.examples());
        assertTrue(many.negLogPxIs() < few.negLogPxIs(), few.negLogPxIs() + " -> " + many.negLogPxIs());
        assertTrue(many.negLogPxIs() < many.negElbo());
    }

    @Test
    void badCheckpointChoiceIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EvalRun.checkpointFile(runDir, "newest"));
        assertTrue(e.getMessage().contains("best, latest or a checkpoint file"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> settings("best", 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new EvalRun.Settings("best", MnistSplit.TRAIN, 5, 1, 0, 10));
    }

    @Test
    void aTruncatedCheckpointIsOneClearError() throws Exception {
        Path copy = dir.resolve("truncated");
        Path checkpoints = java.nio.file.Files.createDirectories(copy.resolve("checkpoints"));
        byte[] best = java.nio.file.Files.readAllBytes(runDir.resolve("checkpoints").resolve("best.zip"));
        java.nio.file.Files.write(checkpoints.resolve("best.zip"), java.util.Arrays.copyOf(best, best.length / 2));
        java.io.IOException e = assertThrows(java.io.IOException.class,
                () -> EvalRun.run(copy, null, test, settings("best", 5, 3), QUIET));
        assertTrue(e.getMessage().startsWith("damaged or truncated checkpoint ") && e.getMessage().contains("best.zip"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void anEvaluationIsReusedOnlyForTheSameSettingsAndAnUnchangedCheckpoint() throws Exception {
        Path copy = dir.resolve("reused");
        Files.createDirectories(copy.resolve("checkpoints"));
        for (String f : List.of("best.zip", "step-0000000030.zip")) {
            Files.copy(runDir.resolve("checkpoints").resolve(f), copy.resolve("checkpoints").resolve(f));
        }
        assertEquals(null, EvalRun.reusable(copy, settings("best", 7, 12), test.size()), "nothing evaluated yet");
        EvalResult r = EvalRun.run(copy, null, test, settings("best", 7, 12), QUIET);
        assertEquals(r, EvalRun.reusable(copy, settings("best", 7, 12), test.size()));
        assertEquals(r, EvalRun.reusable(copy, new EvalRun.Settings("best", MnistSplit.TEST, 7, 1, 12, 3,
                org.nf4j.exec.Executor.SAMEDIFF), test.size()), "rows per call and executor leave the numbers alone");
        assertEquals(null, EvalRun.reusable(copy, settings("best", 8, 12), test.size()), "other S");
        assertEquals(null, EvalRun.reusable(copy, settings("best", 7, 13), test.size()), "other digits");
        assertEquals(null, EvalRun.reusable(copy, settings("latest", 7, 12), test.size()), "other checkpoint file");
        assertEquals(null, EvalRun.reusable(copy, new EvalRun.Settings("best", MnistSplit.TEST, 7, 2, 12, 10_000),
                test.size()), "other seed");
        Path best = copy.resolve("checkpoints").resolve("best.zip");
        java.nio.file.attribute.FileTime evaluated = Files.getLastModifiedTime(copy.resolve(EvalRun.EVAL_JSON));
        Files.setLastModifiedTime(best, java.nio.file.attribute.FileTime.fromMillis(evaluated.toMillis() + 5_000));
        assertEquals(null, EvalRun.reusable(copy, settings("best", 7, 12), test.size()), "checkpoint written after it");
        Files.setLastModifiedTime(best, evaluated);
        assertEquals(r, EvalRun.reusable(copy, settings("best", 7, 12), test.size()));
        Files.delete(PairedDifference.file(copy, "test"));
        assertEquals(null, EvalRun.reusable(copy, settings("best", 7, 12), test.size()), "per-digit file gone");
    }
}
