package org.nf4j.notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nf4j.config.TrainConfig;
import org.nf4j.data.MnistSplit;
import org.nf4j.eval.EvalRun;
import org.nf4j.eval.ImportanceSampler;
import org.nf4j.runtime.BackendChoice;
import org.nf4j.runtime.BackendSpec;
import org.nf4j.spark.SparkSettings;
import org.nf4j.spark.SweepEngine;
import org.nf4j.sweep.Table2Sweep;
import org.nf4j.train.CheckpointStore;
import org.nf4j.train.DlgmTrainer;
import org.nf4j.train.LoopSettings;

/**
 * Small MNIST runs a notebook makes when the run it reads is not there (a fresh checkout): a
 * DLGM with a short planar flow trained for a few thousand updates, and a Table 2 sweep of a few
 * hundred updates per cell, on MNIST if its files are in the workspace, else on
 * {@link SyntheticDigits}. An existing run or sweep is used as it is.
 */
public final class TinyRuns {
    /** Updates of the tiny MNIST run. */
    public static final int RUN_STEPS = 3_000;
    /** Updates of each cell of the tiny sweep. */
    public static final int SWEEP_STEPS = 400;
    /** Test digits and importance samples per digit of the tiny sweep's -ln p(x). */
    public static final int SWEEP_DIGITS = 200;
    public static final int SWEEP_SAMPLES = 50;

    private TinyRuns() {
    }

    /**
     * The configuration of the tiny runs: planar K = 4 on 8 latent dimensions, 128 hidden units,
     * batch 50, Adam at 3e-3, annealing over the first quarter, the flow head at the full rate.
     */
    public static TrainConfig config(Workspace ws, long steps) {
        return TrainConfig.DEFAULTS.with("flow", "planar").with("k", "4").with("latent", "8").with("hidden", "128")
                .with("batch", "50").with("lr", "3e-3").with("steps", Long.toString(steps))
                .with("anneal-steps", Long.toString(steps / 4)).with("flow-lr-scale", "1")
                .with("checkpoint-every", Long.toString(steps)).with("validate-every", Long.toString(Math.max(1, steps / 5)))
                .with("keep-checkpoints", "1").with("data-dir", ws.mnist().toString());
    }

    /** {@code models/<name>} with checkpoints: the one there, or a tiny run trained now. */
    public static Path mnist(Workspace ws, String name) throws IOException {
        Path runDir = ws.run(name);
        if (!new CheckpointStore(runDir.resolve("checkpoints"), 1).steps().isEmpty()) {
            System.out.println("run " + name + " is there: " + runDir);
            return runDir;
        }
        System.out.println("no run " + name + " in " + ws.models() + ": training a tiny one (" + RUN_STEPS + " updates)");
        TrainConfig c = config(ws, RUN_STEPS).with("run-name", name);
        new DlgmTrainer(c, runDir, ws.runLogs(name), System.out)
                .run(Digits.split(ws, MnistSplit.TRAIN), Digits.split(ws, MnistSplit.VALIDATION), LoopSettings.Resume.NEVER);
        return runDir;
    }

    /**
     * The folder {@code models/<prefix>} holding a sweep's {@code table2.csv}: the one there, or a
     * tiny sweep run now (the diagonal model, planar and NICE-perm flows at K = 2 and 8).
     */
    public static Path table2(Workspace ws, String prefix) throws IOException {
        Path out = ws.run(prefix);
        if (Files.isRegularFile(out.resolve(Table2Sweep.CSV))) {
            System.out.println("sweep " + prefix + " is there: " + out.resolve(Table2Sweep.CSV));
            return out;
        }
        System.out.println("no sweep " + prefix + " in " + ws.models() + ": running a tiny one (" + SWEEP_STEPS
                + " updates per cell, -ln p(x) on " + SWEEP_DIGITS + " test digits with S = " + SWEEP_SAMPLES + ")");
        EvalRun.Settings eval = new EvalRun.Settings("best", MnistSplit.TEST, SWEEP_SAMPLES, 1, SWEEP_DIGITS,
                ImportanceSampler.DEFAULT_MAX_ROWS);
        Table2Sweep sweep = new Table2Sweep(config(ws, SWEEP_STEPS), List.of("planar", "nice-perm"), List.of(2, 8), 1,
                java.util.Set.of(), prefix, ws.models(), ws.logs(), out, eval);
        // the sweep engine on one in-kernel slot: the notebook's JVM is the Spark driver and executor
        try (SweepEngine engine = new SweepEngine(SparkSettings.local(1, new BackendSpec(BackendChoice.CPU, 1, 1)))) {
            sweep.run(engine, new NotebookDigits(ws.root().toString()), System.out);
        }
        return out;
    }
}
