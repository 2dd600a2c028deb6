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
                Map.entry("rms-decay", "0.95"), Map.entry("momentum", "0.5"), Map.entry("rms-epsilon", "1e-6"));
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
}
