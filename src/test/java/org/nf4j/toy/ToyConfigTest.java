package org.nf4j.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;
import org.nf4j.config.Mappers;
import org.nf4j.exec.Executor;
import org.nf4j.flows.FlowKind;

/**
 * The learning-rate decay (its values, its checks and its place in the checkpoint key), the settings
 * by key, the trajectory key and config.json.
 */
class ToyConfigTest {

    private static ToyConfig withDecay(int steps, int decay) {
        return ToyConfig.defaults("u1", FlowKind.PLANAR, 2).with(Map.of("steps", String.valueOf(steps),
                "learning-rate", "2e-3", "lr-decay-steps", String.valueOf(decay), "eval-samples", "10000", "picture-samples", "0"));
    }

    @Test
    void rateFallsLinearlyToZeroOverTheDecaySteps() {
        Adam adam = withDecay(1000, 1000).optimizer();
        assertEquals(2e-3, adam.getLearningRate(0, 0), 1e-15);
        assertEquals(1e-3, adam.getLearningRate(500, 0), 1e-15);
        assertEquals(5e-4, adam.getLearningRate(750, 0), 1e-15);
        assertEquals(2e-6, adam.getLearningRate(999, 0), 1e-15);
        assertTrue(adam.getLearningRate(999, 0) > 0, "the last update still moves");
    }

    @Test
    void zeroMeansConstantRate() {
        Adam adam = withDecay(1000, 0).optimizer();
        assertEquals(2e-3, adam.getLearningRate(0, 0), 0.0);
        assertEquals(2e-3, adam.getLearningRate(999, 0), 0.0);
    }

    @Test
    void decayShorterThanTheRunIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withDecay(1000, 999));
        assertTrue(e.getMessage().contains("at least --steps (1000)"), e.getMessage());
    }

    @Test
    void decayIsPartOfTheTrajectoryButTheRunLengthIsNot() {
        assertNotEquals(withDecay(1000, 1000).trajectoryKey(), withDecay(1000, 2000).trajectoryKey());
        assertNotEquals(withDecay(1000, 0).trajectoryKey(), withDecay(1000, 1000).trajectoryKey());
        assertEquals(withDecay(500, 2000).trajectoryKey(), withDecay(1000, 2000).trajectoryKey());
    }

    @Test
    void defaultsDecayOverTheWholeRunAndSayItInTheConfigFile() {
        ToyConfig d = ToyConfig.defaults("u1", FlowKind.NICE_PERM, 32);
        assertEquals(d.steps(), d.lrDecaySteps());
        assertTrue(d.toJson().contains("\"lr_decay_steps\": 20000"), d.toJson());
    }

    @Test
    void everyComponentIsAKebabCaseSettingThatRoundTrips() {
        ToyConfig d = ToyConfig.defaults("u1", FlowKind.PLANAR, 2);
        assertEquals(List.of("target", "flow", "k", "steps", "batch", "learning-rate", "lr-decay-steps", "clip-norm",
                "anneal-steps", "seed", "eval-samples", "picture-samples", "out", "log-dir", "executor"), List.copyOf(d.asMap().keySet()));
        ToyConfig c = d.with(Map.of("target", "u4", "flow", "nice", "k", "8", "learning-rate", "3e-4", "executor", "SameDiff",
                "out", "runs/x", "log-dir", "tb/x", "anneal-steps", "500"));
        assertEquals(List.of(FlowKind.NICE_PERM, Executor.SAMEDIFF, Path.of("runs", "x"), 500.0),
                List.of(c.flow(), c.executor(), c.out(), c.annealSteps()));
        assertEquals(c, d.with(c.asMap()));
        for (Map.Entry<String, String> e : c.asMap().entrySet()) {
            assertEquals(c, c.with(e.getKey(), e.getValue()), e.getKey());
        }
    }

    @Test
    void badSettingsAreOneLineErrors() {
        ToyConfig d = ToyConfig.defaults("u1", FlowKind.PLANAR, 2);
        assertEquals("unknown setting 'lr'; valid settings: target, flow, k, steps, batch, learning-rate, lr-decay-steps, "
                + "clip-norm, anneal-steps, seed, eval-samples, picture-samples, out, log-dir, executor",
                assertThrows(IllegalArgumentException.class, () -> d.with("lr", "1")).getMessage());
        assertEquals("steps must be a whole number, got '1.9'",
                assertThrows(IllegalArgumentException.class, () -> d.with("steps", "1.9")).getMessage());
        assertEquals(50_000, d.with(Map.of("steps", "5e4", "lr-decay-steps", "5e4")).steps());
        assertEquals("learning-rate must be a number, got 'fast'",
                assertThrows(IllegalArgumentException.class, () -> d.with("learning-rate", "fast")).getMessage());
        assertEquals("--lr must be a positive number, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> d.with("learning-rate", "-1")).getMessage());
        assertEquals("unknown flow 'glow'; choose one of: " + FlowKind.names(),
                assertThrows(IllegalArgumentException.class, () -> d.with("flow", "glow")).getMessage());
        assertEquals("executor must be compiled or samediff, got 'gpu'",
                assertThrows(IllegalArgumentException.class, () -> d.with("executor", "gpu")).getMessage());
    }

    @Test
    void withFoldersChangesOnlyTheFolders() {
        ToyConfig d = ToyConfig.defaults("u2", FlowKind.RADIAL, 4);
        ToyConfig moved = d.withFolders(Path.of("grid", "u2"), Path.of("grid-logs", "u2"));
        assertEquals(Path.of("grid", "u2"), moved.out());
        assertEquals(Path.of("grid-logs", "u2"), moved.logDir());
        assertEquals(d, moved.withFolders(d.out(), d.logDir()));
    }

    @Test
    void theTrajectoryKeyHoldsEverySettingButTheRunLengthEvaluationFoldersAndEngine() {
        ToyConfig d = ToyConfig.defaults("u1", FlowKind.PLANAR, 2);
        assertEquals("target=u1 flow=planar k=2 batch=256 learning-rate=0.001 lr-decay-steps=20000 clip-norm=100.0 "
                + "anneal-steps=10000.0 seed=1", d.trajectoryKey());
        assertEquals(d.trajectoryKey(), "target=u1 " + d.trainingKey());
        Map<String, String> other = Map.ofEntries(Map.entry("target", "u2"), Map.entry("flow", "radial"), Map.entry("k", "3"),
                Map.entry("steps", "100"), Map.entry("batch", "8"), Map.entry("learning-rate", "0.5"),
                Map.entry("lr-decay-steps", "30000"), Map.entry("clip-norm", "0"), Map.entry("anneal-steps", "7"),
                Map.entry("seed", "9"), Map.entry("eval-samples", "20000"), Map.entry("picture-samples", "5"),
                Map.entry("out", "o"), Map.entry("log-dir", "l"), Map.entry("executor", "samediff"));
        assertEquals(d.asMap().keySet(), other.keySet(), "a value for every key");
        Set<String> free = Set.of("steps", "eval-samples", "picture-samples", "out", "log-dir", "executor");
        for (String key : d.asMap().keySet()) {
            ToyConfig c = d.with(key, other.get(key));
            assertEquals(free.contains(key), d.trajectoryKey().equals(c.trajectoryKey()), key);
            assertEquals(free.contains(key) || key.equals("target"), d.trainingKey().equals(c.trainingKey()), key);
        }
    }

    @Test
    void configJsonHasTodaysNamesAndReadsBack() {
        ToyConfig c = ToyConfig.defaults("u2", FlowKind.RADIAL, 16).with(Map.of("steps", "5000", "batch", "128",
                "learning-rate", "0.002", "lr-decay-steps", "8000", "seed", "3", "executor", "samediff"));
        String json = c.toJson();
        for (String field : List.of("\"target\": \"u2\"", "\"flow\": \"radial\"", "\"learning_rate\": 0.002",
                "\"lr_decay_steps\": 8000", "\"clip_norm\": 100.0", "\"anneal_steps\": 10000.0", "\"eval_samples\": 100000",
                "\"picture_samples\": 1000000", "\"out\": \"" + c.out() + "\"", "\"log_dir\": \"" + c.logDir() + "\"",
                "\"executor\": \"samediff\"", "\"optimizer\": \"adam\"", "\"q0\": \"N(mu, diag(sigma^2))")) {
            assertTrue(json.contains(field), field + " in " + json);
        }
        assertEquals(c, Mappers.fromJson(json, ToyConfig.class));
        // as written before Jackson
        String old = """
                {
                  "target": "u2",
                  "flow": "radial",
                  "k": 16,
                  "steps": 5000,
                  "batch": 128,
                  "optimizer": "adam",
                  "learning_rate": 0.002,
                  "lr_decay_steps": 8000,
                  "clip_norm": 100.0,
                  "anneal_steps": 10000.0,
                  "seed": 3,
                  "eval_samples": 100000,
                  "picture_samples": 1000000,
                  "q0": "N(mu, diag(sigma^2)), mu and log sigma learned, initially N(0, I)",
                  "out": "models/toy/u2-radial-k16",
                  "log_dir": "logs/toy/u2-radial-k16",
                  "executor": "samediff"
                }
                """;
        assertEquals(c, Mappers.fromJson(old, ToyConfig.class));
    }

    @Test
    void javaSerialisationCarriesEverySetting() throws Exception {
        ToyConfig c = ToyConfig.defaults("u3", FlowKind.NICE_ORTH, 8).with(Map.of("steps", "300", "lr-decay-steps", "0",
                "learning-rate", "0.004", "seed", "7", "executor", "samediff", "out", "/runs/a b", "log-dir", "tb/x"));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(new ToyGridJob("g", List.of(c, c.with("target", "u1")), "/runs/g-together"));
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            ToyGridJob back = (ToyGridJob) in.readObject();
            assertEquals(c, back.cells().get(0));
            assertEquals(Path.of("/runs/a b"), back.cells().get(0).out());
            assertEquals("u1", back.cells().get(1).target());
            assertEquals("/runs/g-together", back.groupFolder());
        }
    }
}
