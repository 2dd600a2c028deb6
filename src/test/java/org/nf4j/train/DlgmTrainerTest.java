package org.nf4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nf4j.config.TrainConfig;
import org.nf4j.data.MnistSplitData;
import org.nf4j.logging.EventFileReader;
import org.tensorflow.proto.Event;

/** End to end on a few hundred test-written digits: loss falls, checkpoints, events, exact resume, NaN stop. */
class DlgmTrainerTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    /** Blurry "digits": a bright blob at a random place, 28 x 28. */
    static MnistSplitData digits(int n, long seed) {
        return org.nf4j.eval.TestDigits.split(n, seed);
    }

    static TrainConfig config(long steps, double lr) {
        return TrainConfig.DEFAULTS.with("flow", "planar").with("k", "2").with("latent", "4").with("hidden", "32")
                .with("batch", "20").with("steps", Long.toString(steps)).with("lr", Double.toString(lr))
                .with("checkpoint-every", "10").with("validate-every", "10").with("keep-checkpoints", "2");
    }

    @Test
    void lossFallsAndCheckpointsAndEventsAppear(@TempDir Path dir) throws Exception {
        MnistSplitData train = digits(300, 1);
        MnistSplitData validation = digits(100, 2);
        DlgmTrainer.Result r = new DlgmTrainer(config(60, 3e-3).with("anneal-steps", "80"), dir.resolve("run"), dir.resolve("logs"), QUIET)
                .run(train, validation, LoopSettings.Resume.NEVER);
        DlgmTrainer.Result before = new DlgmTrainer(config(1, 1e-12), dir.resolve("run0"), dir.resolve("logs0"), QUIET)
                .run(train, validation, LoopSettings.Resume.NEVER);
        assertTrue(r.validationNegElbo() < before.validationNegElbo() - 20,
                "validation -ELBO " + before.validationNegElbo() + " -> " + r.validationNegElbo());
        CheckpointStore store = new CheckpointStore(dir.resolve("run").resolve("checkpoints"), 2);
        assertEquals(2, store.steps().size(), "the last two step checkpoints are kept");
        assertTrue(Files.exists(store.dir().resolve(CheckpointStore.BEST)));
        Path events;
        try (Stream<Path> s = Files.list(dir.resolve("logs"))) {
            events = s.findFirst().orElseThrow();
        }
        Set<String> tags = new HashSet<>();
        int betas = 0;
        for (Event e : EventFileReader.readEvents(events)) {
            e.getSummary().getValueList().forEach(v -> tags.add(v.getTag()));
            for (var v : e.getSummary().getValueList()) {
                if (v.getTag().equals("train/beta")) {
                    betas++;
                    // the configured schedule beta_t = min(1, 0.01 + t / 80), t the 0-based update
                    assertEquals(Math.min(1.0, 0.01 + (e.getStep() - 1) / 80.0), v.getSimpleValue(), 1e-6,
                            "beta at step " + e.getStep());
                }
            }
        }
        assertTrue(betas >= 2, "beta logged " + betas + " times");
        assertTrue(tags.containsAll(List.of("train/free_energy", "train/neg_elbo", "train/reconstruction", "train/kl",
                "train/sum_log_det", "train/beta", "train/learning_rate", "train/grad_norm", "train/examples_per_s",
                "validation/neg_elbo", "samples/prior", "samples/reconstructions", "config")), tags.toString());
    }

    @Test
    void resumeIsExact(@TempDir Path dir) throws Exception {
        MnistSplitData train = digits(90, 3);
        MnistSplitData validation = digits(40, 4);
        DlgmTrainer.Result straight = new DlgmTrainer(config(24, 1e-3), dir.resolve("a"), dir.resolve("la"), QUIET)
                .run(train, validation, LoopSettings.Resume.NEVER);
        new DlgmTrainer(config(12, 1e-3), dir.resolve("b"), dir.resolve("lb"), QUIET).run(train, validation, LoopSettings.Resume.NEVER);
        DlgmTrainer.Result resumed = new DlgmTrainer(config(24, 1e-3), dir.resolve("b"), dir.resolve("lb"), QUIET)
                .run(train, validation, LoopSettings.Resume.REQUIRED);
        assertEquals(24, resumed.steps());
        for (String p : straight.params().keySet()) {
            INDArray a = straight.params().get(p);
            INDArray b = resumed.params().get(p);
            assertEquals(0.0, a.sub(b).amaxNumber().doubleValue(), 0.0, "parameter " + p + " differs after resume");
        }
    }

    @Test
    void damagedNewestCheckpointFallsBackToThePreviousOne(@TempDir Path dir) throws Exception {
        new DlgmTrainer(config(20, 1e-3), dir.resolve("run"), dir.resolve("logs"), QUIET)
                .run(digits(60, 5), digits(20, 6), LoopSettings.Resume.NEVER);
        CheckpointStore store = new CheckpointStore(dir.resolve("run").resolve("checkpoints"), 2);
        List<Path> steps = store.steps();
        Path newest = steps.get(steps.size() - 1);
        byte[] bytes = Files.readAllBytes(newest);
        Files.write(newest, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Checkpoint c = store.latest(new PrintStream(log, true)).orElseThrow();
        assertEquals(10, c.step());
        assertTrue(log.toString().contains("is damaged"), log.toString());
    }

    @Test
    void divergenceStopsWithAClearMessageAndNoBadCheckpoint(@TempDir Path dir) throws Exception {
        TrainConfig c = config(30, 1e6).with("clip-norm", "0");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new DlgmTrainer(c, dir.resolve("run"), dir.resolve("logs"), QUIET).run(digits(60, 7), digits(20, 8), LoopSettings.Resume.NEVER));
        assertTrue(e.getMessage().contains("not finite") && e.getMessage().contains("--resume"), e.getMessage());
        CheckpointStore store = new CheckpointStore(dir.resolve("run").resolve("checkpoints"), 2);
        List<Path> files = new java.util.ArrayList<>(store.steps());
        if (Files.exists(store.dir().resolve(CheckpointStore.BEST))) {
            files.add(store.dir().resolve(CheckpointStore.BEST));
        }
        for (Path f : files) {
            for (INDArray a : Checkpoint.read(f).params().values()) {
                assertTrue(Double.isFinite(a.sumNumber().doubleValue()), f + " holds non-finite parameters");
            }
        }
    }
}
