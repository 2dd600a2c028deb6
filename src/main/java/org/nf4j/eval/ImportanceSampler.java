package org.nf4j.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nf4j.exec.Executor;
import org.nf4j.exec.GraphRunner;
import org.nf4j.model.DlgmModel;
import org.nf4j.runtime.NativeGarbage;
import org.nf4j.train.StepNoise;

/**
 * Per-example importance-sampled log-likelihood with the model's own posterior as proposal:
 * <pre>
 *   ln p(x) ~= ln (1/S) sum_s w_s,   w_s = p(x, z_K^s) / q_K(z_K^s | x),   z_K^s = f(mu + sigma eps_s)
 * </pre>
 * The model's {@link DlgmModel#NEG_ELBO_PER_EXAMPLE} is ln q0(z0) - sum ln|det J| - ln p(x|z_K)
 * - ln N(z_K; 0, I) = -ln w exactly (constants included, beta plays no part in it), so ln w is
 * read straight off the graph. The S samples of one example are S rows (with a model built
 * {@link DlgmModel.Encoding#ONCE_PER_DIGIT}, the encoder runs once per digit and its outputs are
 * repeated S times; otherwise the digit itself is tiled S times: the same numbers); rows
 * go through the graph in chunks of at most {@code maxRows} (several examples per chunk when S is
 * small, one example over several chunks when S is large), so memory stays bounded for any S. The
 * ln w are collected in double and combined by {@link LogMeanExp}; the same S values give the
 * per-example -ELBO (their negated mean), so -ELBO - (-ln p) &gt;= 0 example by example.
 *
 * <p>The noise of example i is {@code StepNoise(seed).at(i, S, D)}: a pure function of (seed, i),
 * independent of chunking and of which other examples are evaluated.
 */
public final class ImportanceSampler {
    /** Default bound on the rows of one graph call (10,000 rows of 784 floats: ~31 MB per activation). */
    public static final int DEFAULT_MAX_ROWS = 10_000;

    /** One example's estimates, in nats. */
    public record Estimate(double logPx, double negElbo) {
        /** -ELBO - (-ln p(x)) = ln p(x) - ELBO: the estimate of KL(q_K || p(z|x)). */
        public double kl() {
            return negElbo + logPx;
        }
    }

    private final DlgmModel model;
    private final int samples;
    private final int maxRows;
    private final StepNoise noise;
    private final DataType dtype;
    private final GraphRunner runner;

    public ImportanceSampler(DlgmModel model, int samples, long seed, int maxRows) {
        this(model, samples, seed, maxRows, Executor.COMPILED);
    }

    /** @param executor what runs the graph over the chunks of rows (each chunk size gets its own compiled plan) */
    public ImportanceSampler(DlgmModel model, int samples, long seed, int maxRows, Executor executor) {
        if (samples < 1) {
            throw new IllegalArgumentException("--samples must be at least 1, got " + samples);
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, got " + maxRows);
        }
        this.model = model;
        this.samples = samples;
        this.maxRows = maxRows;
        this.noise = new StepNoise(seed);
        this.dtype = model.sameDiff().getVariable("x").dataType();
        this.runner = GraphRunner.outputs(model.sameDiff(), List.of(DlgmModel.NEG_ELBO_PER_EXAMPLE), executor);
    }

    public int samples() {
        return samples;
    }

    /**
     * @param x          binary images [n, 784]
     * @param firstIndex index of x's first row in its split (fixes the noise of each example)
     */
    public Estimate[] estimate(INDArray x, long firstIndex) {
        int n = (int) x.rows();
        Estimate[] out = new Estimate[n];
        int group = Math.max(1, maxRows / samples);
        for (int g0 = 0; g0 < n; g0 += group) {
            int g = Math.min(group, n - g0);
            double[] logW = logWeights(x, firstIndex, g0, g);
            for (int j = 0; j < g; j++) {
                int from = j * samples;
                int to = from + samples;
                double sum = 0;
                for (int i = from; i < to; i++) {
                    sum += logW[i];
                }
                out[g0 + j] = new Estimate(LogMeanExp.of(logW, from, to), -sum / samples);
            }
        }
        return out;
    }

    /** ln w for the S samples of examples g0 .. g0+g-1, example after example. */
    private double[] logWeights(INDArray x, long firstIndex, int g0, int g) {
        List<INDArray> eps = new ArrayList<>(g);
        for (int j = 0; j < g; j++) {
            eps.add(noise.at(firstIndex + g0 + j, samples, model.latent()).castTo(dtype));
        }
        INDArray allEps = g == 1 ? eps.get(0) : Nd4j.vstack(eps);
        int rows = g * samples;
        double[] logW = new double[rows];
        INDArray beta = Nd4j.scalar(dtype, 1.0);
        INDArray xd = x.castTo(dtype);
        boolean oncePerDigit = model.encoding() == DlgmModel.Encoding.ONCE_PER_DIGIT;
        for (int r0 = 0; r0 < rows; r0 += maxRows) {
            int r1 = Math.min(rows, r0 + maxRows);
            Map<String, INDArray> feed = new HashMap<>();
            if (oncePerDigit) {
                // a chunk is whole digits (g S <= maxRows rows) or a part of one digit (S > maxRows)
                int first = g0 + r0 / samples;
                int last = g0 + (r1 - 1) / samples;
                int[] which = IntStream.rangeClosed(first, last).toArray();
                feed.put("x", Nd4j.pullRows(xd, 1, which));
                feed.put(DlgmModel.COPIES, Nd4j.zeros(dtype, 1, (r1 - r0) / which.length, 1));
            } else {
                int[] which = new int[r1 - r0];
                for (int r = r0; r < r1; r++) {
                    which[r - r0] = g0 + r / samples;
                }
                feed.put("x", Nd4j.pullRows(xd, 1, which));
            }
            feed.put("eps", allEps.get(NDArrayIndex.interval(r0, r1), NDArrayIndex.all()).dup());
            feed.put("beta", beta);
            NativeGarbage.collectIfDue();
            INDArray negElbo = runner.run(feed).outputs().get(DlgmModel.NEG_ELBO_PER_EXAMPLE);
            double[] v = negElbo.toDoubleVector();
            for (int i = 0; i < v.length; i++) {
                logW[r0 + i] = -v[i];
            }
        }
        return logW;
    }
}
