package org.nf4j.eval;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.nf4j.data.Binarization;
import org.nf4j.data.MnistBatch;
import org.nf4j.data.MnistIterator;
import org.nf4j.data.MnistIteratorConfig;
import org.nf4j.data.MnistSplitData;
import org.nf4j.train.ProgressLine;

/**
 * Runs an {@link ImportanceSampler} over the first examples of a split, in order, with a progress
 * line (examples done, examples/s, ETA). The digits are binarised exactly as the trainer's
 * validation and test -ELBO are: static binarisation (one Bernoulli draw per pixel with the fixed
 * default seed, a function of the example's index), so the numbers are comparable across runs and
 * with {@code train-summary.properties}, and {@code --limit N} sees the same N digits as a full run.
 */
public final class Evaluator {
    static final int BATCH = 100;
    private final ImportanceSampler sampler;
    private final PrintStream out;
    private final long progressMillis;

    public Evaluator(ImportanceSampler sampler, PrintStream out, long progressMillis) {
        this.sampler = sampler;
        this.out = out;
        this.progressMillis = progressMillis;
    }

    /** Estimates for examples 0 .. limit-1 (all when limit &lt;= 0 or beyond the split). */
    public ImportanceSampler.Estimate[] run(MnistSplitData data, int limit) {
        MnistSplitData d = firstExamples(data, limit);
        int n = d.size();
        ImportanceSampler.Estimate[] all = new ImportanceSampler.Estimate[n];
        MnistIteratorConfig config = MnistIteratorConfig.defaults().withBatchSize(BATCH).withBinarization(Binarization.STATIC)
                .withShuffle(false);
        long start = System.nanoTime();
        long lastPrint = System.currentTimeMillis();
        double sumLogPx = 0;
        int done = 0;
        try (MnistIterator it = new MnistIterator(d, config)) {
            while (it.hasNext()) {
                MnistBatch b = it.next();
                ImportanceSampler.Estimate[] e = sampler.estimate(b.features(), b.indices()[0]);
                for (int i = 0; i < e.length; i++) {
                    all[b.indices()[i]] = e[i];
                    sumLogPx += e[i].logPx();
                }
                done += e.length;
                long now = System.currentTimeMillis();
                if (done == n || now - lastPrint >= progressMillis) {
                    lastPrint = now;
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    double rate = done / elapsed;
                    out.println(String.format(Locale.ROOT, "eval %d/%d examples (%.0f%%) | -ln p(x) so far %.2f | %.1f ex/s "
                                    + "| elapsed %s | eta %s", done, n, 100.0 * done / n, -sumLogPx / done, rate,
                            ProgressLine.duration(elapsed), ProgressLine.duration((n - done) / rate)));
                }
            }
        }
        return all;
    }

    /** The split's first {@code limit} examples (the whole split when limit &lt;= 0 or too large). */
    static MnistSplitData firstExamples(MnistSplitData data, int limit) {
        if (limit <= 0 || limit >= data.size()) {
            return data;
        }
        byte[] pixels = Arrays.copyOf(data.pixels(), limit * data.pixelsPerExample());
        byte[] labels = data.hasLabels() ? Arrays.copyOf(data.labels(), limit) : null;
        return new MnistSplitData(pixels, labels, data.rows(), data.cols());
    }
}
