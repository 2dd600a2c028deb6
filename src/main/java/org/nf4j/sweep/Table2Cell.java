package org.nf4j.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nf4j.config.ConfigFile;
import org.nf4j.config.TrainConfig;
import org.nf4j.data.MnistSplitData;
import org.nf4j.eval.EvalResult;
import org.nf4j.eval.EvalRun;
import org.nf4j.spark.SweepCell;
import org.nf4j.train.CheckpointStore;
import org.nf4j.train.DlgmTrainer;
import org.nf4j.train.LoopSettings;
import org.nf4j.train.ProgressLine;
import org.nf4j.train.SettingsDiff;

/**
 * One cell of the sweep: a run folder {@code models/<run>} trained to the budget, then evaluated.
 * What is already there is reused: a run whose {@code train-summary.properties} records the full
 * budget is not trained again; a run with checkpoints but no such summary (interrupted) resumes from
 * its newest good checkpoint; an {@code eval.json} made with the same split, samples, seed and
 * digits from the current best checkpoint is not recomputed. A run folder made with a different
 * configuration (other than the budget) is an error, never silently mixed in.
 */
public record Table2Cell(String flow, int k, TrainConfig config) implements SweepCell {
    public static final String SUMMARY = DlgmTrainer.SUMMARY;
    /** Keys that may differ between the folder's config and the cell's: the budget and where the data are. */
    private static final List<String> FREE = List.of("steps", "epochs", "data-dir", "executor", "run-name");

    /**
     * A finished cell.
     *
     * @param row         its row of the table (without the paired difference, which the driver adds)
     * @param trainedFrom the update this attempt's training started from: 0, a checkpoint's, or the
     *                    budget when the run was already trained
     */
    public record Outcome(Table2Row row, long trainedFrom) implements Serializable {
    }

    public String run() {
        return config.resolvedRunName();
    }

    @Override
    public String name() {
        return run();
    }

    /**
     * Its updates times a per-update cost that grows with K: compiled DLGM steps take about 61 + 3.6 K
     * microseconds per example (the README's speed table), so cost is proportional to 17 + K.
     */
    @Override
    public double cost() {
        return cost(0);
    }

    /** The cost of the updates from {@code fromStep} to the budget. */
    double cost(long fromStep) {
        return Math.max(0, budget(config.trainDigits()) - fromStep) * (17.0 + k) / 1e6;
    }

    /** The number of updates the budget means for a training split of {@code trainSize} examples. */
    public long budget(int trainSize) {
        return config.steps() > 0 ? config.steps() : (long) config.epochs() * ((trainSize + config.batch() - 1) / config.batch());
    }

    /** Trains (or resumes, or reuses) and evaluates (or reuses) this cell. */
    public Outcome run(Path models, Path logs, MnistSplitData train, MnistSplitData validation, MnistSplitData test,
                       EvalRun.Settings eval, PrintStream out) throws IOException {
        Path runDir = models.resolve(run());
        checkSameConfig(models);
        long budget = budget(train.size());
        long trained = trainedSteps(runDir);
        long trainedFrom = budget;
        if (trained >= budget) {
            out.println("reusing the trained run " + runDir + " (" + trained + " updates; delete " + SUMMARY + " to retrain)");
        } else {
            List<Path> steps = new CheckpointStore(runDir.resolve("checkpoints"), config.keepCheckpoints()).steps();
            boolean resume = !steps.isEmpty();
            trainedFrom = resume ? stepOf(steps.get(steps.size() - 1)) : 0;
            out.println((resume ? "resuming " : "training ") + run() + " to " + budget + " updates");
            long start = System.nanoTime();
            DlgmTrainer.Result r = new DlgmTrainer(config, runDir, logs.resolve(run()), out).run(train, validation, LoopSettings.Resume.IF_MATCHING);
            double testNegElbo = DlgmTrainer.negElbo(r.model(), test, org.nf4j.exec.Executor.parse(config.executor()));
            DlgmTrainer.writeSummary(runDir, r, testNegElbo);
            trained = r.steps();
            out.println(String.format(Locale.ROOT, "trained %s in %s", run(), ProgressLine.duration((System.nanoTime() - start) / 1e9)));
        }
        EvalResult result = EvalRun.reusable(runDir, eval, test.size());
        if (result != null) {
            out.println("reusing " + runDir.resolve(EvalRun.EVAL_JSON) + ": " + result.summaryLine());
        } else {
            result = EvalRun.run(runDir, logs.resolve(run()), test, eval, out);
        }
        return new Outcome(new Table2Row(flow, k, config.seed(), run(), trained, result), trainedFrom);
    }

    /** The update of a checkpoint file {@code step-<n>.zip}. */
    private static long stepOf(Path checkpoint) {
        String name = checkpoint.getFileName().toString();
        return Long.parseLong(name.substring("step-".length(), name.length() - ".zip".length()));
    }

    /** Updates recorded by a finished training, or -1. */
    static long trainedSteps(Path runDir) throws IOException {
        Path summary = runDir.resolve(SUMMARY);
        if (!Files.exists(summary)) {
            return -1;
        }
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newBufferedReader(summary)) {
            p.load(in);
        }
        try {
            return Long.parseLong(p.getProperty("steps", "-1").trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Refuses a run folder {@code models/<run>} made with other settings than the budget and the data's
     * place (the driver checks every cell before the sweep starts; each task again).
     */
    void checkSameConfig(Path models) {
        Path runDir = models.resolve(run());
        Path file = runDir.resolve(DlgmTrainer.CONFIG);
        if (!Files.exists(file)) {
            return;
        }
        Map<String, String> theirs = TrainConfig.DEFAULTS.with(ConfigFile.read(file)).asMap();
        Map<String, String> mine = config.asMap();
        List<String> differing = SettingsDiff.keys(theirs, mine, mine.keySet().stream().filter(k -> !FREE.contains(k)).toList());
        if (!differing.isEmpty()) {
            throw new IllegalStateException("run folder " + runDir + " was made with other settings ("
                    + SettingsDiff.describe(theirs, mine, differing) + "): use another --prefix, or delete the folder");
        }
    }
}
