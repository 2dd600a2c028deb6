package org.nf4j.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.nf4j.data.MnistSplit;
import org.nf4j.data.MnistSplitData;
import org.nf4j.exec.Executor;
import org.nf4j.logging.EventWriter;
import org.nf4j.model.DlgmModel;
import org.nf4j.train.Checkpoint;
import org.nf4j.train.CheckpointStore;

/**
 * Evaluates one run folder: picks a checkpoint ({@code best}, {@code latest} or a file), rebuilds
 * the model, estimates -ELBO, -ln p(x) and KL over a split, then writes {@code eval.json} in the
 * run folder and scalars {@code eval/<split>/...} (at the checkpoint's step) to TensorBoard.
 */
public final class EvalRun {
    public static final String EVAL_JSON = "eval.json";

    /** What to evaluate and how. */
    public record Settings(String checkpoint, MnistSplit split, int samples, long seed, int limit, int maxRows,
                           Executor executor) implements Serializable {
        /** Settings run by the default (compiled) executor. */
        public Settings(String checkpoint, MnistSplit split, int samples, long seed, int limit, int maxRows) {
            this(checkpoint, split, samples, seed, limit, maxRows, Executor.COMPILED);
        }

        public Settings {
            if (split != MnistSplit.TEST && split != MnistSplit.VALIDATION) {
                throw new IllegalArgumentException("--split must be test or validation, got " + split.cliName());
            }
            if (samples < 1) {
                throw new IllegalArgumentException("--samples must be at least 1, got " + samples);
            }
        }

        public static Settings defaults() {
            return new Settings("best", MnistSplit.TEST, 200, 1, 0, ImportanceSampler.DEFAULT_MAX_ROWS);
        }
    }

    private EvalRun() {
    }

    /** The checkpoint file meant by best, latest or a path. */
    public static Path checkpointFile(Path runDir, String which) throws IOException {
        CheckpointStore store = new CheckpointStore(runDir.resolve("checkpoints"), Integer.MAX_VALUE);
        if (which.equals("best")) {
            Path best = store.dir().resolve(CheckpointStore.BEST);
            if (!Files.exists(best)) {
                throw new IllegalArgumentException("run " + runDir.getFileName() + " has no " + best
                        + " (written at the first validation): use --checkpoint latest");
            }
            return best;
        }
        if (which.equals("latest")) {
            var steps = store.steps();
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("run " + runDir.getFileName() + " has no step checkpoints in " + store.dir());
            }
            return steps.get(steps.size() - 1);
        }
        Path file = Path.of(which);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--checkpoint must be best, latest or a checkpoint file; " + which
                    + " is none of these");
        }
        return file;
    }

    /**
     * @param runDir  models/&lt;run&gt;
     * @param logDir  logs/&lt;run&gt; (TensorBoard), or null for none
     * @param data    the split's images
     */
    public static EvalResult run(Path runDir, Path logDir, MnistSplitData data, Settings s, PrintStream out) throws IOException {
        Path file = checkpointFile(runDir, s.checkpoint());
        Checkpoint c = Checkpoint.read(file);
        DlgmModel model = CheckpointModel.load(c, DlgmModel.Encoding.ONCE_PER_DIGIT);
        String name = runDir.getFileName().toString();
        out.println(String.format(Locale.ROOT, "evaluating %s at step %d on the %s split: S = %d importance samples per "
                + "example%s", file, c.step(), s.split().cliName(), s.samples(),
                s.limit() > 0 ? ", first " + s.limit() + " examples" : ""));
        long start = System.nanoTime();
        ImportanceSampler sampler = new ImportanceSampler(model, s.samples(), s.seed(), s.maxRows(), s.executor());
        ImportanceSampler.Estimate[] e = new Evaluator(sampler, out, 10_000).run(data, s.limit());
        EvalResult r = summarise(name, file.toString(), c.step(), s, e, (System.nanoTime() - start) / 1e9);
        Files.writeString(runDir.resolve(EVAL_JSON), r.toJson());
        PairedDifference.write(PairedDifference.file(runDir, s.split().cliName()), e);
        if (logDir != null) {
            try (EventWriter events = new EventWriter(logDir)) {
                String p = "eval/" + s.split().cliName() + "/";
                events.scalar(p + "neg_log_px_is", c.step(), r.negLogPxIs());
                events.scalar(p + "neg_elbo", c.step(), r.negElbo());
                events.scalar(p + "kl_estimate", c.step(), r.klEstimate());
                events.text(p + "summary", c.step(), r.summaryLine());
            }
        }
        out.println(r.summaryLine());
        out.println("wrote " + runDir.resolve(EVAL_JSON));
        return r;
    }

    /**
     * The run's {@code eval.json} if it holds these settings' evaluation of the checkpoint as it is now
     * (same file name, step, split, S, seed and number of digits; the checkpoint not written after it;
     * the per-digit file beside it), else null: evaluating again would give the same numbers.
     */
    public static EvalResult reusable(Path runDir, Settings s, int splitSize) throws IOException {
        Path file = runDir.resolve(EVAL_JSON);
        if (!Files.exists(file) || !Files.exists(PairedDifference.file(runDir, s.split().cliName()))) {
            return null;
        }
        EvalResult r;
        try {
            r = EvalResult.parse(Files.readString(file));
        } catch (RuntimeException e) {
            return null;
        }
        long examples = s.limit() > 0 ? Math.min(s.limit(), splitSize) : splitSize;
        Path checkpoint = checkpointFile(runDir, s.checkpoint());
        boolean same = r.split().equals(s.split().cliName()) && r.isSamples() == s.samples() && r.seed() == s.seed()
                && r.examples() == examples && Path.of(r.checkpoint()).getFileName().equals(checkpoint.getFileName())
                && Files.getLastModifiedTime(checkpoint).compareTo(Files.getLastModifiedTime(file)) <= 0
                && r.checkpointStep() == Checkpoint.read(checkpoint).step();
        return same ? r : null;
    }

    /** Means and standard errors across examples. */
    public static EvalResult summarise(String run, String checkpoint, long step, Settings s, ImportanceSampler.Estimate[] e,
                                       double seconds) {
        double[] negElbo = new double[e.length];
        double[] negLogPx = new double[e.length];
        double[] kl = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            negElbo[i] = e[i].negElbo();
            negLogPx[i] = -e[i].logPx();
            kl[i] = e[i].kl();
        }
        MeanEstimate a = MeanEstimate.of(negElbo);
        MeanEstimate b = MeanEstimate.of(negLogPx);
        MeanEstimate k = MeanEstimate.of(kl);
        return new EvalResult(run, checkpoint, step, s.split().cliName(), e.length, s.samples(), s.seed(), a.mean(),
                a.standardError(), b.mean(), b.standardError(), k.mean(), k.standardError(), seconds);
    }
}
