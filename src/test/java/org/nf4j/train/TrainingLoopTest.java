package org.nf4j.train;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nf4j.config.TrainConfig;
import org.nf4j.data.MnistSplitData;
import org.nf4j.model.DlgmModel;

/** The training loop's resume rules and the checkpoint format's constants and version. */
class TrainingLoopTest {
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
    private static final MnistSplitData TRAIN = DlgmTrainerTest.digits(90, 3);
    private static final MnistSplitData VALIDATION = DlgmTrainerTest.digits(40, 4);

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    private DlgmTrainer.Result train(TrainConfig c, Path run, LoopSettings.Resume resume) throws IOException {
        return new DlgmTrainer(c, run, run.resolveSibling(run.getFileName() + "-logs"), out).run(TRAIN, VALIDATION, resume);
    }

    private static double maxDifference(Map<String, INDArray> a, Map<String, INDArray> b) {
        double d = 0;
        for (String p : a.keySet()) {
            d = Math.max(d, a.get(p).sub(b.get(p)).amaxNumber().doubleValue());
        }
        return d;
    }

    @Test
    void aResumedRunTakesTheChangedSettingsThatLeaveTheModelAlone(@TempDir Path dir) throws Exception {
        TrainConfig c = DlgmTrainerTest.config(24, 1e-3);
        DlgmTrainer.Result straight = train(c, dir.resolve("a"), LoopSettings.Resume.NEVER);
        train(c.with("steps", "12"), dir.resolve("b"), LoopSettings.Resume.NEVER);
        DlgmTrainer.Result slower = train(c.with("lr", "1e-4").with("clip-norm", "5"), dir.resolve("b"), LoopSettings.Resume.REQUIRED);
        assertEquals(24, slower.steps());
        assertTrue(log().contains("resuming from update 12") && log().contains("with changed settings: clip-norm 100.0 -> 5.0, "
                + "lr 0.001 -> 1.0E-4, steps 12 -> 24"), log());
        // the same settings resume bit-exactly (DlgmTrainerTest): a different end proves the new rate was used
        assertTrue(maxDifference(straight.params(), slower.params()) > 1e-6, "the changed learning rate had no effect");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> train(c.with("steps", "30").with("k", "3"), dir.resolve("b"), LoopSettings.Resume.REQUIRED));
        assertEquals("cannot resume from " + dir.resolve("b").resolve("checkpoints") + ": it was trained with other settings "
                + "that change the model or its trajectory (k 2 -> 3)", e.getMessage());
    }

    @Test
    void aRunStoppedBeforeItsFirstCheckpointResumesFromTheStart(@TempDir Path dir) throws Exception {
        DlgmTrainer.Result r = train(DlgmTrainerTest.config(5, 1e-3), dir.resolve("run"), LoopSettings.Resume.REQUIRED);
        assertEquals(5, r.steps());
        assertTrue(log().contains("no checkpoint in " + dir.resolve("run").resolve("checkpoints")
                + " yet (the run stopped before its first): starting from update 0"), log());
    }

    @Test
    void aRunThatStartsOverLeavesNoLaterCheckpointBehind(@TempDir Path dir) throws Exception {
        TrainConfig c = DlgmTrainerTest.config(20, 1e-3);
        train(c, dir.resolve("run"), LoopSettings.Resume.NEVER);
        train(c.with("steps", "10"), dir.resolve("run"), LoopSettings.Resume.NEVER);
        CheckpointStore store = new CheckpointStore(dir.resolve("run").resolve("checkpoints"), 2);
        assertEquals(10, store.latest(out).orElseThrow().step());
    }

    @Test
    void aRunOnEveryDigitHasNoValidationAndKeepsItsFinalCheckpointAsBest(@TempDir Path dir) throws Exception {
        TrainConfig c = DlgmTrainerTest.config(20, 1e-3).with("train-digits", "60000");
        DlgmTrainer.Result r = new DlgmTrainer(c, dir.resolve("run"), dir.resolve("logs"), out).run(TRAIN, null,
                LoopSettings.Resume.NEVER);
        assertTrue(Double.isNaN(r.validationNegElbo()));
        CheckpointStore store = new CheckpointStore(dir.resolve("run").resolve("checkpoints"), 2);
        assertEquals(20, Checkpoint.read(store.dir().resolve(CheckpointStore.BEST)).step());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DlgmTrainerTest.config(20, 1e-3).with("train-digits", "55000"));
        assertEquals("train-digits must be 50000 (the other 10,000 validate) or 60000 (all, no validation), got 55000", e.getMessage());
    }

    /** A NICE model draws permutation matrices at build time: constants the checkpoint must carry. */
    private static TrainConfig nice(long seed) {
        return drawing("nice-perm", seed);
    }

    /** A model of a flow that draws permutations at build time (NICE, affine coupling). */
    private static TrainConfig drawing(String flow, long seed) {
        return DlgmTrainerTest.config(6, 1e-3).with("flow", flow).with("seed", Long.toString(seed));
    }

    private static INDArray negElbo(DlgmModel m) {
        Map<String, INDArray> feed = new HashMap<>();
        byte[] pixels = DlgmTrainerTest.digits(8, 5).pixels();
        double[] bits = new double[pixels.length];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = (pixels[i] & 0xff) > 127 ? 1 : 0;
        }
        feed.put("x", Nd4j.create(bits, new long[]{8, 784}).castTo(Nd4j.defaultFloatingPointType()));
        feed.put("eps", new StepNoise(9).at(0, 8, m.latent()));
        feed.put("beta", Nd4j.scalar(Nd4j.defaultFloatingPointType(), 1.0));
        return m.sameDiff().output(feed, DlgmModel.NEG_ELBO_PER_EXAMPLE).get(DlgmModel.NEG_ELBO_PER_EXAMPLE);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"nice-perm", "affine-coupling"})
    void aCheckpointGivesTheSameModelWhateverTheBuildDrew(String flow, @TempDir Path dir) throws Exception {
        train(drawing(flow, 1), dir.resolve("run"), LoopSettings.Resume.NEVER);
        Checkpoint c = new CheckpointStore(dir.resolve("run").resolve("checkpoints"), 2).latest(out).orElseThrow();
        assertEquals(Checkpoint.FORMAT, c.format());
        assertFalse(c.constants().isEmpty(), "the " + flow + " permutations are stored");
        DlgmModel trained = DlgmTrainer.model(drawing(flow, 1));
        c.restoreModel(trained.sameDiff(), trained.trainableNames());

        // a build that draws other permutations (as a change in the order of random draws would)
        DlgmModel otherDraw = DlgmTrainer.model(drawing(flow, 2));
        List<String> differing = c.restoreModel(otherDraw.sameDiff(), otherDraw.trainableNames());
        assertFalse(differing.isEmpty(), "the other build drew other constants");
        assertEquals(0.0, negElbo(trained).sub(negElbo(otherDraw)).amaxNumber().doubleValue(), 0.0);

        // without its constants (format 1) the checkpoint would give another model: the test can fail
        Checkpoint withoutConstants = new Checkpoint(1, c.step(), c.iterator(), c.bestValidation(), c.config(), c.params(),
                Map.of(), c.updaterState());
        DlgmModel legacy = DlgmTrainer.model(drawing(flow, 2));
        withoutConstants.restoreModel(legacy.sameDiff(), legacy.trainableNames());
        assertTrue(negElbo(trained).sub(negElbo(legacy)).amaxNumber().doubleValue() > 1e-3);
    }

    @Test
    void formatOneIsReadAndANewerFormatIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        train(nice(1), dir.resolve("run"), LoopSettings.Resume.NEVER);
        Path file = new CheckpointStore(dir.resolve("run").resolve("checkpoints"), 2).steps().get(0);

        Path legacy = dir.resolve("legacy.zip");
        rewrite(file, legacy, "format=2", "", true);
        Checkpoint old = Checkpoint.read(legacy);
        assertEquals(1, old.format());
        assertTrue(old.constants().isEmpty());
        assertEquals(Checkpoint.read(file).step(), old.step());

        Path newer = dir.resolve("newer.zip");
        rewrite(file, newer, "format=2", "format=3", false);
        IOException e = assertThrows(IOException.class, () -> Checkpoint.read(newer));
        assertEquals("checkpoint " + newer + " has format 3; this version of nf4j reads formats up to 2 (it was written by a "
                + "newer nf4j)", e.getMessage());
    }

    /** Copies a checkpoint, replacing text in its metadata and optionally dropping the constants (as format 1 had none). */
    private static void rewrite(Path from, Path to, String find, String replace, boolean dropConstants) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(to))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (dropConstants && e.getName().startsWith("constant/")) {
                    continue;
                }
                if (e.getName().equals("meta.properties")) {
                    String text = new String(bytes, StandardCharsets.ISO_8859_1).replace(find, replace);
                    bytes = (dropConstants ? text.replaceAll("(?m)^constants=.*$", "") : text).getBytes(StandardCharsets.ISO_8859_1);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(bytes);
            }
        }
    }
}
