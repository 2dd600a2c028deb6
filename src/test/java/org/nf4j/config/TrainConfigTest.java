package org.nf4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** One key-to-field map: every key reads and writes its own field, the text form round-trips, whole numbers stay whole. */
class TrainConfigTest {

    @Test
    void everyKeyRoundTripsThroughItsTextForm() {
        TrainConfig c = TrainConfig.DEFAULTS.with("flow", "radial").with("k", "7").with("steps", "1234").with("lr", "3e-4")
                .with("optimizer", "rmsprop").with("seed", "9").with("run-name", "x").with("clip-norm", "0")
                .with("binarization", "static").with("planar-centred", "true").with("executor", "samediff");
        for (Map.Entry<String, String> e : c.asMap().entrySet()) {
            assertEquals(c, c.with(e.getKey(), e.getValue()), e.getKey());
            assertEquals(c, TrainConfig.DEFAULTS.with(c.asMap()), "the whole map");
        }
        assertEquals(c, TrainConfig.DEFAULTS.with(ConfigFile.parse(c.toProperties(), "test")));
        TrainConfig windows = c.with("data-dir", "C:\\data\\mnist");
        assertEquals(windows, TrainConfig.DEFAULTS.with(ConfigFile.parse(windows.toProperties(), "test")), "backslashes survive");
        assertEquals(TrainConfig.keys(), java.util.List.copyOf(c.asMap().keySet()));
    }

    @Test
    void eachKeyChangesOnlyItsField() {
        Map<String, String> other = Map.ofEntries(Map.entry("flow", "nice"), Map.entry("k", "3"), Map.entry("steps", "5"),
                Map.entry("epochs", "2"), Map.entry("batch", "7"), Map.entry("lr", "0.5"), Map.entry("optimizer", "rmsprop"),
                Map.entry("seed", "4"), Map.entry("run-name", "r"), Map.entry("data-dir", "d"), Map.entry("latent", "3"),
                Map.entry("hidden", "5"), Map.entry("maxout-pieces", "2"), Map.entry("clip-norm", "1.5"),
                Map.entry("checkpoint-every", "9"), Map.entry("keep-checkpoints", "8"), Map.entry("validate-every", "6"),
                Map.entry("binarization", "static"), Map.entry("flow-init-scale", "0.2"), Map.entry("anneal-steps", "11"),
                Map.entry("flow-lr-scale", "0.3"), Map.entry("planar-centred", "true"), Map.entry("executor", "samediff"),
                Map.entry("rms-decay", "0.95"), Map.entry("momentum", "0.5"), Map.entry("rms-epsilon", "1e-6"), Map.entry("train-digits", "60000"));
        assertEquals(TrainConfig.keys().size(), other.size(), "a value for every key");
        for (String key : TrainConfig.keys()) {
            TrainConfig c = TrainConfig.DEFAULTS.with(key, other.get(key));
            Map<String, String> m = c.asMap();
            for (String k : TrainConfig.keys()) {
                if (k.equals(key)) {
                    assertNotEquals(TrainConfig.DEFAULTS.asMap().get(k), m.get(k), key + " changed");
                } else {
                    assertEquals(TrainConfig.DEFAULTS.asMap().get(k), m.get(k), key + " left " + k + " alone");
                }
            }
        }
    }

    @Test
    void wholeNumbersAreWholeAndBadValuesAreOneLine() {
        assertEquals(500_000, TrainConfig.DEFAULTS.with("steps", "5e5").steps());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.DEFAULTS.with("steps", "1.9"));
        assertEquals("steps must be a whole number, got '1.9'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.DEFAULTS.with("k", "2.5"));
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.DEFAULTS.with("batch", "1e12"));
        e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.DEFAULTS.with("steps", "1e19"));
        assertEquals("steps is too large: 1e19", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.DEFAULTS.with("rms-epsilon", "Infinity"));
        e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.DEFAULTS.with("lr", "fast"));
        assertEquals("lr must be a number, got 'fast'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.DEFAULTS.with("speed", "1"));
        assertEquals(true, e.getMessage().startsWith("unknown setting 'speed'; valid settings: flow, k, steps"));
    }

    @Test
    void valuesAreStrictAndEveryErrorIsOneLineNamingTheKey() {
        assertEquals("k must be a whole number, got '2.5'",
                assertThrows(IllegalArgumentException.class, () -> TrainConfig.DEFAULTS.with("k", "2.5")).getMessage());
        assertEquals("batch is too large: 1e12",
                assertThrows(IllegalArgumentException.class, () -> TrainConfig.DEFAULTS.with("batch", "1e12")).getMessage());
        assertEquals("seed must be a whole number, got 'one'",
                assertThrows(IllegalArgumentException.class, () -> TrainConfig.DEFAULTS.with("seed", "one")).getMessage());
        assertEquals("planar-centred must be true or false, got 'yes'",
                assertThrows(IllegalArgumentException.class, () -> TrainConfig.DEFAULTS.with("planar-centred", "yes")).getMessage());
        assertEquals("planar-centred must be true or false, got '1'",
                assertThrows(IllegalArgumentException.class, () -> TrainConfig.DEFAULTS.with("planar-centred", "1")).getMessage());
        assertEquals(true, TrainConfig.DEFAULTS.with("planar-centred", "TRUE").planarCentred());
        assertEquals(2_000_000_000, TrainConfig.DEFAULTS.with("anneal-steps", "2e9").annealSteps());
        assertEquals(7, TrainConfig.DEFAULTS.with("k", " 7.0 ").k(), "trimmed; 7.0 is whole");
        // the record's own checks come through as they are
        assertEquals("k must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> TrainConfig.DEFAULTS.with("k", "-1")).getMessage());
        assertEquals("rms-epsilon must be a positive number, got Infinity",
                assertThrows(IllegalArgumentException.class, () -> TrainConfig.DEFAULTS.with("rms-epsilon", "Infinity")).getMessage());
        assertEquals("unknown setting 'speed'; valid settings: " + String.join(", ", TrainConfig.keys()),
                assertThrows(IllegalArgumentException.class, () -> TrainConfig.DEFAULTS.with("speed", "1")).getMessage());
    }

    @Test
    void choicesAreLowerCased() {
        TrainConfig c = TrainConfig.DEFAULTS.with(Map.of("flow", "Radial", "optimizer", "RMSprop", "binarization", "Static",
                "executor", "SameDiff"));
        assertEquals(java.util.List.of("radial", "rmsprop", "static", "samediff"),
                java.util.List.of(c.flow(), c.optimizer(), c.binarization(), c.executor()));
    }

    @Test
    void overridesApplyTogetherThenAreChecked() {
        // one at a time, epochs = 0 would first leave neither steps nor epochs
        TrainConfig c = TrainConfig.DEFAULTS.with(new java.util.LinkedHashMap<>(Map.of("epochs", "0", "steps", "500")));
        assertEquals(500, c.steps());
        assertEquals("give steps or epochs > 0", assertThrows(IllegalArgumentException.class,
                () -> TrainConfig.DEFAULTS.with("epochs", "0")).getMessage());
    }

    @Test
    void propertiesAreKeyValueLinesInDeclarationOrderWithTheResolvedRunName() {
        String p = TrainConfig.DEFAULTS.with("data-dir", "C:\\data\\mnist").toProperties();
        java.util.List<String> lines = p.lines().toList();
        assertEquals(TrainConfig.keys().size(), lines.size(), p);
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(true, lines.get(i).startsWith(TrainConfig.keys().get(i) + "="), lines.get(i));
        }
        assertEquals(true, p.startsWith("flow=planar\nk=10\nsteps=0\nepochs=30\n"), p);
        assertEquals(true, p.contains("\nrun-name=planar-k10-adam-seed1\n"), p);
        assertEquals(true, p.contains("\ndata-dir=C:\\\\data\\\\mnist\n"), "backslashes escaped: " + p);
        assertEquals(true, p.contains("\nlr=0.001\n") && p.contains("\nrms-epsilon=1.0E-8\n") && p.contains("\nplanar-centred=false\n"), p);
    }
}
