package org.nf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line parses and rejects input without running anything heavy. */
class MainTest {

    private static String[] run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void helpListsTheSubcommands() {
        String[] r = run("--help");
        assertEquals("0", r[0]);
        assertTrue(r[1].contains("toy") && r[1].contains("toy-grid") && r[1].contains("data"), r[1]);
    }

    @Test
    void unknownFlowIsOneLineListingTheChoices() {
        String[] r = run("toy", "--flow", "glow");
        assertEquals("2", r[0]);
        assertEquals("nf4j: unknown flow 'glow'; choose one of: planar, radial, nice-perm, nice-orth, circular",
                r[2].strip());
    }

    @Test
    void unknownTargetAndBadKAreRejected() {
        assertTrue(run("toy", "--target", "u9")[2].contains("valid names: u1, u2, u3, u4"));
        String[] r = run("toy", "--k", "0");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--k must be at least 1"), r[2]);
        assertEquals("2", run("toy-grid", "--ks", "2,-1")[0]);
    }

    @Test
    void gpuWithoutCudaIsAClearErrorNotACpuRun() {
        String[] r = run("toy", "--gpu", "--steps", "1");
        assertEquals("2", r[0]);
        assertTrue(r[2].startsWith("nf4j: ") && r[2].toLowerCase().contains("cuda"), r[2]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
    }

    @Test
    void toyOptionsBecomeTheRunConfig() {
        ToyCommand cmd = new ToyCommand();
        new CommandLine(cmd).parseArgs("--target", "U3", "--flow", "nice-orth", "--k", "8", "--steps", "50", "--lr", "0.01");
        var c = cmd.config();
        assertEquals("u3", c.target());
        assertEquals(8, c.k());
        assertEquals(50, c.steps());
        assertEquals(0.01, c.learningRate());
        assertEquals(256, c.batch());
        assertTrue(c.out().endsWith("u3-nice-orth-k8"));
    }
}
