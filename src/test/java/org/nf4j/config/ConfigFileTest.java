package org.nf4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Config files: Java properties syntax read by Jackson, keys checked, settings in declaration order. */
class ConfigFileTest {

    @Test
    void readsPropertiesSyntaxInDeclarationOrder() {
        String text = "# a comment\n! another\nlr : 1e-3\nk 5\n  flow = radial  \ndata-dir=C:\\\\data\\\\mnist\n"
                + "run-name=a \\\n    b\n";
        Map<String, String> m = ConfigFile.parse(text, "test");
        assertEquals(List.of("flow", "k", "lr", "run-name", "data-dir"), List.copyOf(m.keySet()));
        assertEquals(Map.of("flow", "radial  ", "k", "5", "lr", "1e-3", "run-name", "a b", "data-dir", "C:\\data\\mnist"), m);
        TrainConfig c = TrainConfig.DEFAULTS.with(m);
        assertEquals("radial", c.flow());
        assertEquals("C:\\data\\mnist", c.dataDir());
    }

    @Test
    void aFileWrittenBeforeJacksonStillReads() {
        // what TrainConfig.toProperties wrote by hand before
        String old = "flow=nice\nk=20\nsteps=500000\nepochs=30\nbatch=100\nlr=1.0E-5\noptimizer=rmsprop-momentum\nseed=1\n"
                + "run-name=paper-nice-k20\ndata-dir=data/mnist\nlatent=40\nhidden=400\nmaxout-pieces=4\nclip-norm=100.0\n"
                + "checkpoint-every=2000\nkeep-checkpoints=3\nvalidate-every=2000\nbinarization=dynamic\nflow-init-scale=0.01\n"
                + "anneal-steps=10000\nflow-lr-scale=0.1\nplanar-centred=false\nexecutor=compiled\nrms-decay=0.95\n"
                + "momentum=0.9\nrms-epsilon=1.0E-4\n";
        TrainConfig c = TrainConfig.DEFAULTS.with(ConfigFile.parse(old, "old"));
        // the same file, with the settings added since then at their defaults
        assertEquals(old + "train-digits=50000\n", c.toProperties());
    }

    @Test
    void unknownKeysAndBrokenEscapesAreOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigFile.parse("flow=planar\nspeed=3\n", "my.properties"));
        assertEquals("my.properties: unknown setting 'speed'; valid settings: " + String.join(", ", TrainConfig.keys()),
                e.getMessage());
        // taken whole, not as nesting (a.b) or an index (a[1])
        e = assertThrows(IllegalArgumentException.class, () -> ConfigFile.parse("k.x=3\n", "f"));
        assertEquals(true, e.getMessage().startsWith("f: unknown setting 'k.x'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConfigFile.parse("k[1]=3\n", "f"));
        assertEquals(true, e.getMessage().startsWith("f: unknown setting 'k[1]'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ConfigFile.parse("run-name=\\u12\n", "f"));
        assertEquals("cannot parse f: Malformed \\uxxxx encoding.", e.getMessage());
    }

    @Test
    void aMissingFileSaysSo(@TempDir Path dir) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigFile.read(dir.resolve("no.properties")));
        assertEquals(true, e.getMessage().contains("does not exist"), e.getMessage());
        Path f = dir.resolve("c.properties");
        Files.writeString(f, "k=3\n");
        assertEquals(Map.of("k", "3"), ConfigFile.read(f));
    }
}
