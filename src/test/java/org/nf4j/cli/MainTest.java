package org.nf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nf4j.spark.CellFailedException;
import org.nf4j.spark.SweepFailedException;
import picocli.CommandLine;

/** The command line parses and rejects input without running anything heavy. */
class MainTest {

    /** Runs the command line: {exit code, stdout, stderr}. */
    static String[] run(String... args) {
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
        assertEquals("nf4j: unknown flow 'glow'; choose one of: planar, radial, nice-perm, nice-orth, circular, householder, sylvester, "
                + "sylvester-orth, sylvester-householder, iaf, iaf-wide, affine-coupling", r[2].strip());
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
        assertEquals(50, c.lrDecaySteps(), "the rate decays over --steps unless told otherwise");
    }

    @Test
    void everyToyOptionReachesItsSetting() {
        ToyCommand cmd = new ToyCommand();
        new CommandLine(cmd).parseArgs("--batch", "64", "--seed", "5", "--eval-samples", "20000", "--executor", "SameDiff",
                "--out", "runs/a", "--log-dir", "tb/a");
        var c = cmd.config();
        assertEquals(List.of(64, 5L, 20_000, org.nf4j.exec.Executor.SAMEDIFF), List.of(c.batch(), c.seed(), c.evalSamples(), c.executor()));
        assertEquals(java.nio.file.Path.of("runs", "a"), c.out());
        assertEquals(java.nio.file.Path.of("tb", "a"), c.logDir());
        assertEquals(org.nf4j.toy.ToyConfig.defaults("u1", org.nf4j.flows.FlowKind.PLANAR, 32).learningRate(), c.learningRate());
    }

    @Test
    void learningRateDecayDefaultsToTheRunLengthAndCanBeSwitchedOff() {
        ToyCommand plain = new ToyCommand();
        new CommandLine(plain).parseArgs();
        assertEquals(20_000, plain.config().lrDecaySteps());
        ToyCommand constant = new ToyCommand();
        new CommandLine(constant).parseArgs("--steps", "300", "--lr-decay", "0");
        assertEquals(0, constant.config().lrDecaySteps());
        ToyCommand longer = new ToyCommand();
        new CommandLine(longer).parseArgs("--steps", "300", "--lr-decay", "900");
        assertEquals(900, longer.config().lrDecaySteps());
        String[] r = run("toy", "--steps", "300", "--lr-decay", "100");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--lr-decay must be 0 (constant rate) or at least --steps (300)"), r[2]);
    }

    @Test
    void executorFlagAndKeyChooseTheEngine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        TrainCommand byDefault = new TrainCommand();
        new CommandLine(byDefault).parseArgs();
        assertEquals("compiled", byDefault.config().executor());
        TrainCommand flag = new TrainCommand();
        new CommandLine(flag).parseArgs("--executor", "SameDiff");
        assertEquals("samediff", flag.config().executor());
        java.nio.file.Path conf = dir.resolve("c.properties");
        java.nio.file.Files.writeString(conf, "executor=samediff\n");
        TrainCommand key = new TrainCommand();
        new CommandLine(key).parseArgs("--config", conf.toString());
        assertEquals("samediff", key.config().executor());
        assertTrue(key.config().toProperties().contains("executor=samediff"));
        ToyCommand toy = new ToyCommand();
        new CommandLine(toy).parseArgs("--executor", "samediff");
        assertEquals(org.nf4j.exec.Executor.SAMEDIFF, toy.config().executor());
        ToyCommand toyDefault = new ToyCommand();
        new CommandLine(toyDefault).parseArgs();
        assertEquals(org.nf4j.exec.Executor.COMPILED, toyDefault.config().executor());
        EvalCommand eval = new EvalCommand();
        new CommandLine(eval).parseArgs("--executor", "samediff");
        assertEquals(org.nf4j.exec.Executor.SAMEDIFF, eval.settings().executor());
        String[] r = run("train", "--executor", "fast");
        assertEquals("2", r[0]);
        assertEquals("nf4j: executor must be compiled or samediff, got 'fast'", r[2].strip());
        r = run("toy", "--executor", "fast", "--steps", "1");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("executor must be compiled or samediff"), r[2]);
    }

    @Test
    void exitCodesSayWhoseFaultItIs() {
        assertEquals(1, Main.exitCode(new org.nf4j.train.TrainingDivergedException("training diverged at step 3")));
        assertEquals(1, Main.exitCode(new java.io.EOFException("truncated")));
        assertEquals(2, Main.exitCode(new IllegalArgumentException("--k must be >= 0")));
        assertEquals(0, Main.exitCode(new NullPointerException()), "a bug keeps its stack trace");
        assertEquals(1, Main.exitCode(new SweepFailedException("cannot reach the Spark master")));
        java.util.function.Function<Exception, SweepFailedException> cellFailed = e -> new SweepFailedException("cell c: failed",
                new IllegalStateException("job aborted", new CellFailedException("c", e)));
        assertEquals(1, Main.exitCode(cellFailed.apply(new java.io.IOException("disk full"))));
        assertEquals(2, Main.exitCode(cellFailed.apply(new IllegalArgumentException("bad setting"))));
        assertEquals(0, Main.exitCode(cellFailed.apply(new NullPointerException())), "a bug in a cell keeps its stack trace");
    }

    @Test
    void optionsAloneMeanTrain() {
        assertEquals(List.of("train", "--flow", "nice", "--k", "20", "--gpu"),
                List.of(Main.withDefaultCommand(new String[] {"--flow", "nice", "--k", "20", "--gpu"})));
        assertEquals(List.of("--help"), List.of(Main.withDefaultCommand(new String[] {"--help"})));
        assertEquals(List.of("toy", "--k", "2"), List.of(Main.withDefaultCommand(new String[] {"toy", "--k", "2"})));
    }

    @Test
    void trainRejectsBadInputInOneLine() {
        String[] r = run(Main.withDefaultCommand(new String[] {"--flow", "realnvp", "--k", "20"}));
        assertEquals("2", r[0]);
        assertEquals("nf4j: unknown flow 'realnvp'; choose one of: planar, radial, nice-perm, nice-orth, circular, householder, sylvester, "
                + "sylvester-orth, sylvester-householder, iaf, iaf-wide, affine-coupling", r[2].strip());
        TrainCommand nice = new TrainCommand();
        new CommandLine(nice).parseArgs("--flow", "nice", "--k", "20");
        assertEquals(org.nf4j.flows.FlowKind.NICE_PERM, org.nf4j.flows.FlowKind.parse(nice.config().flow()));
        r = run("train", "--k", "-1");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("k must be >= 0"), r[2]);
        r = run("train", "--config", "conf/does-not-exist.properties");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("does not exist"), r[2]);
        r = run("train", "--optimizer", "sgd");
        assertTrue(r[2].contains("choose one of: adam, rmsprop"), r[2]);
        r = run("train", "--lr", "fast");
        assertEquals("2", r[0]);
        r = run("train", "--flow", "bogus", "--k", "0");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("unknown flow 'bogus'"), "a bad flow is refused even with K = 0: " + r[2]);
    }

    @Test
    void trainWithGpuButNoCudaIsAClearError() {
        String[] r = run(Main.withDefaultCommand(new String[] {"--flow", "nice", "--k", "20", "--gpu",
                "--run-name", "gpu-test-" + System.nanoTime()}));
        assertEquals("2", r[0]);
        assertTrue(r[2].startsWith("nf4j: ") && r[2].toLowerCase().contains("cuda"), r[2]);
    }

    @Test
    void configFileThenFlags(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("c.properties");
        java.nio.file.Files.writeString(f, "# test\nflow=radial\nk=5\nlr=0.01\n");
        TrainCommand cmd = new TrainCommand();
        new CommandLine(cmd).parseArgs("--config", f.toString(), "--k", "7");
        var c = cmd.config();
        assertEquals("radial", c.flow());
        assertEquals(7, c.k());
        assertEquals(0.01, c.lr());
        assertEquals(100, c.batch());
        java.nio.file.Files.writeString(f, "flow=planar\nkk=3\n");
        TrainCommand bad = new TrainCommand();
        new CommandLine(bad).parseArgs("--config", f.toString());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, bad::config);
        assertTrue(e.getMessage().contains("unknown setting 'kk'"), e.getMessage());
    }

    @Test
    void setOverridesAnyKeyLast(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("c.properties");
        java.nio.file.Files.writeString(f, "anneal-steps=500\nflow-init-scale=0.5\n");
        TrainCommand cmd = new TrainCommand();
        new CommandLine(cmd).parseArgs("--config", f.toString(), "--set", "anneal-steps=2000", "--set", "latent=8");
        var c = cmd.config();
        assertEquals(2000, c.annealSteps());
        assertEquals(8, c.latent());
        assertEquals(0.5, c.flowInitScale());
        assertEquals(10_000, org.nf4j.config.TrainConfig.DEFAULTS.annealSteps());
        TrainCommand bad = new TrainCommand();
        new CommandLine(bad).parseArgs("--set", "anneal-step=3");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, bad::config);
        assertTrue(e.getMessage().contains("unknown setting 'anneal-step'") && e.getMessage().contains("anneal-steps"),
                e.getMessage());
    }

    @Test
    void shippedConfigFilesParse() {
        for (String name : new String[] {"quick", "paper-planar-k20", "paper-nice-k20", "compare-k10"}) {
            TrainCommand cmd = new TrainCommand();
            new CommandLine(cmd).parseArgs("--config", "conf/" + name + ".properties");
            assertTrue(cmd.config().k() > 0, name);
        }
    }

    /** The training commands of the equal-budget comparison (src/site/markdown/flows.md) resolve as documented. */
    @Test
    void comparisonCommandsResolve() {
        for (String flow : new String[] {"planar", "householder", "sylvester", "sylvester-orth", "sylvester-householder",
                                         "iaf", "affine-coupling"}) {
            TrainCommand cmd = new TrainCommand();
            new CommandLine(cmd).parseArgs("--config", "conf/compare-k10.properties", "--flow", flow, "--run-name",
                    "cmp-" + flow + "-k10");
            var c = cmd.config();
            assertEquals(flow, c.flow());
            assertEquals(10, c.k());
            assertEquals(10_000L, c.steps());
            assertEquals("cmp-" + flow + "-k10", c.resolvedRunName());
        }
    }

    @Test
    void resumeFindsTheRunKeepsItsModelAndAppliesTheFlagsThatLeaveItAlone(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path run = dir.resolve("radial-k5-adam-seed1");
        // killed during start-up: the configuration is written, no checkpoint yet
        java.nio.file.Files.createDirectories(run);
        java.nio.file.Files.writeString(run.resolve("config.properties"),
                org.nf4j.config.TrainConfig.DEFAULTS.with("flow", "radial").with("k", "5").toProperties());
        TrainCommand cmd = new TrainCommand();
        new CommandLine(cmd).parseArgs("--models", dir.toString(), "--resume", "--steps", "900", "--lr", "5e-4",
                "--clip-norm", "7", "--set", "anneal-steps=300");
        assertEquals(run, cmd.resumeDir());
        var c = cmd.resumedConfig(run);
        assertEquals("radial", c.flow());
        assertEquals(5, c.k());
        assertEquals(900, c.steps());
        assertEquals(5e-4, c.lr());
        assertEquals(7.0, c.clipNorm());
        assertEquals(300, c.annealSteps());

        for (String[] changesTheModel : new String[][]{{"--flow", "planar"}, {"--k", "6"}, {"--seed", "2"},
                {"--optimizer", "rmsprop"}, {"--batch", "50"}, {"--set", "hidden=100"},
                {"--set", "train-digits=60000"}}) {
            TrainCommand refused = new TrainCommand();
            new CommandLine(refused).parseArgs("--models", dir.toString(), "--resume", changesTheModel[0], changesTheModel[1]);
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> refused.resumedConfig(run));
            assertTrue(e.getMessage().startsWith("--resume cannot change what decides the model"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line");
        }
        TrainCommand named = new TrainCommand();
        new CommandLine(named).parseArgs("--models", dir.toString(), "--resume", "nope");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, named::resumeDir);
        assertTrue(e.getMessage().contains("no run 'nope'"), e.getMessage());
    }
}
