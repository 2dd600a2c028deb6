package org.nf4j.sweep;

import java.io.IOException;
import java.io.PrintStream;
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
import org.nf4j.train.Checkpoint;
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
public record Table2Cell(String flow, int k, TrainConfig config) {
    public static final String SUMMARY = DlgmTrainer.SUMMARY;
    /** Keys that may differ between the folder's config and the cell's: the budget and where the data are. */
    private static final List<String> FREE = List.of("steps", "epochs", "data-dir", "executor", "run-name");

    public String run() {
        return config.resolvedRunName();
    }

    /** The number of updates the budget means for a training split of {@code trainSize} examples. */
    public long budget(int trainSize) {
        return config.steps() > 0 ? config.steps() : (long) config.epochs() * ((trainSize + config.batch() - 1) / config.batch());
    }

    /** Trains (or resumes, or reuses) and evaluates (or reuses) this cell. */
    public Table2Row run(Path models, Path logs, MnistSplitData train, MnistSplitData validation, MnistSplitData test,
                         EvalRun.Settings eval, PrintStream out) throws IOException {
        Path runDir = models.resolve(run());
        checkSameConfig(runDir);
        long budget = budget(train.size());
        long trained = trainedSteps(runDir);
        if (trained >= budget) {
            out.println("reusing the trained run " + runDir + " (" + trained + " updates; delete " + SUMMARY + " to retrain)");
        } else {
            boolean resume = !new CheckpointStore(runDir.resolve("checkpoints"), config.keepCheckpoints()).steps().isEmpty();
            out.println((resume ? "resuming " : "training ") + run() + " to " + budget + " updates");
            long start = System.nanoTime();
            DlgmTrainer.Result r = new DlgmTrainer(config, runDir, logs.resolve(run()), out).run(train, validation, LoopSettings.Resume.IF_MATCHING);
            double testNegElbo = DlgmTrainer.negElbo(r.model(), test, org.nf4j.exec.Executor.parse(config.executor()));
            DlgmTrainer.writeSummary(runDir, r, testNegElbo);
            trained = r.steps();
            out.println(String.format(Locale.ROOT, "trained %s in %s", run(), ProgressLine.duration((System.nanoTime() - start) / 1e9)));
        }
        EvalResult result = reusableEval(runDir, eval, test.size());
        if (result != null) {
            out.println("reusing " + runDir.resolve(EvalRun.EVAL_JSON) + ": " + result.summaryLine());
        } else {
            result = EvalRun.run(runDir, logs.resolve(run()), test, eval, out);
        }
        return new Table2Row(flow, k, config.seed(), run(), trained, result);
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

    private void checkSameConfig(Path runDir) {
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

    /** The run's eval.json if it was made with these settings from the current best checkpoint, else null. */
    static EvalResult reusableEval(Path runDir, EvalRun.Settings s, int splitSize) throws IOException {
        Path file = runDir.resolve(EvalRun.EVAL_JSON);
        if (!Files.exists(file)) {
            return null;
        }
        EvalResult r;
        try {
            r = EvalResult.parse(Files.readString(file));
        } catch (RuntimeException e) {
            return null;
        }
        long examples = s.limit() > 0 ? Math.min(s.limit(), splitSize) : splitSize;
        Path checkpoint = EvalRun.checkpointFile(runDir, s.checkpoint());
        boolean same = r.split().equals(s.split().cliName()) && r.isSamples() == s.samples() && r.seed() == s.seed()
                && r.examples() == examples && Path.of(r.checkpoint()).getFileName().equals(checkpoint.getFileName())
                && r.checkpointStep() == Checkpoint.read(checkpoint).step();
        return same ? r : null;
    }
}
