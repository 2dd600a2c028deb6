package org.nf4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nf4j.flows.FlowKind;
import org.nf4j.model.DlgmModel;

/**
 * The importance-sampled ln p(x) against ln p(x) integrated exactly (2-D latent space, quadrature
 * in double precision), in float64: it converges to the truth as S grows, and its expectation lies
 * between the ELBO and the truth (Jensen).
 */
@org.junit.jupiter.api.extension.ExtendWith(org.nf4j.Float64.class)
class ImportanceSamplerTest {
    /**
     * A random model with a 2-D latent space, 8 hidden units and flow-parameter heads of scale 0.5
     * (so the flow is far from the identity). The decoder's output weights are scaled by 0.2 so
     * the posterior is a few tenths wide: the untrained encoder's q is then a poor but usable
     * proposal (KL(q || p(z|x)) about a nat) and a grid of spacing 0.1 resolves p(x|z) p(z).
     */
    static DlgmModel tiny(String flow, int k, long seed) {
        DlgmModel m = new DlgmModel(k == 0 ? null : FlowKind.parse(flow), k, 2, 8, 1, 0.5, seed);
        m.sameDiff().getVariable("dec/logits/W").getArr().muli(0.2);
        return m;
    }

    /** Binary blobs, each pixel Bernoulli(exp(-d^2 / 18)) around a random centre. */
    static INDArray digits(int n, long seed) {
        Random rng = new Random(seed);
        double[] v = new double[n * 784];
        for (int i = 0; i < n; i++) {
            int cx = 8 + rng.nextInt(12);
            int cy = 8 + rng.nextInt(12);
            for (int p = 0; p < 784; p++) {
                double d2 = Math.pow(p % 28 - cx, 2) + Math.pow(p / 28 - cy, 2);
                v[i * 784 + p] = rng.nextDouble() < Math.exp(-d2 / 18.0) ? 1 : 0;
            }
        }
        return Nd4j.create(v, new long[] {n, 784}, DataType.DOUBLE);
    }

    @Test
    void compiledExecutorGivesSameDiffsEstimates() {
        DlgmModel m = tiny("radial", 3, 4);
        INDArray x = digits(7, 2);
        // 50 samples, 120 rows per call: whole examples per chunk and a last, smaller chunk (its own plan)
        ImportanceSampler.Estimate[] plain = new ImportanceSampler(m, 50, 3, 120, org.nf4j.exec.Executor.SAMEDIFF).estimate(x, 0);
        ImportanceSampler.Estimate[] compiled = new ImportanceSampler(m, 50, 3, 120, org.nf4j.exec.Executor.COMPILED).estimate(x, 0);
        for (int i = 0; i < plain.length; i++) {
            assertEquals(plain[i].logPx(), compiled[i].logPx(), 1e-12 * Math.abs(plain[i].logPx()), "ln p(x) of example " + i);
            assertEquals(plain[i].negElbo(), compiled[i].negElbo(), 1e-12 * Math.abs(plain[i].negElbo()), "-ELBO of example " + i);
        }
    }

    private static void convergesToTheExactValue(String flow, int k, int n) {
        DlgmModel m = tiny(flow, k, 3);
        INDArray x = digits(n, 9);
        double[] exact = ExactLikelihood.logPx(m, x, 8, 0.1);
        ImportanceSampler.Estimate[] few = new ImportanceSampler(m, 1, 5, 10_000).estimate(x, 0);
        ImportanceSampler.Estimate[] many = new ImportanceSampler(m, 10_000, 5, 10_000).estimate(x, 0);
        for (int i = 0; i < n; i++) {
            String what = flow + " K=" + k + " example " + i + ": exact " + exact[i] + ", S=10000 " + many[i].logPx()
                    + ", ELBO " + -many[i].negElbo();
            // with S = 10,000 the estimate is within ~0.02 nats here; the gap q leaves (the KL) is ~1 nat
            assertEquals(exact[i], many[i].logPx(), 0.05, what);
            assertTrue(exact[i] - -many[i].negElbo() > 0.3, "the ELBO is well below ln p(x): " + what);
            assertTrue(Math.abs(few[i].logPx() - exact[i]) > 4 * Math.abs(many[i].logPx() - exact[i]) || Math.abs(
                    many[i].logPx() - exact[i]) < 0.01, "S=1 " + few[i].logPx() + " vs " + what);
        }
    }

    @Test
    void planarPosteriorConvergesToTheExactLikelihood() {
        convergesToTheExactValue("planar", 2, 2);
    }

    @Test
    void diagonalAndNicePosteriorsConvergeToTheExactLikelihood() {
        convergesToTheExactValue("planar", 0, 1);
        convergesToTheExactValue("nice-perm", 2, 1);
    }

    /**
     * E[ln p_S] rises from the ELBO (S = 1) towards ln p(x) and never passes it: with 500
     * independent estimates of the same digit (each example index has its own noise), the means at
     * S = 4 and S = 40 are ordered ELBO &lt; E ln p_4 &lt; E ln p_40 &lt; ln p(x), each gap beyond 4
     * standard errors; and every single estimate is at least the mean of its own ln w.
     */
    @Test
    void averageLiesBetweenTheElboAndTheTruth() {
        DlgmModel m = tiny("planar", 2, 4);
        INDArray one = digits(1, 11);
        double exact = ExactLikelihood.logPx(m, one, 8, 0.1)[0];
        INDArray copies = Nd4j.repeat(one, 500).reshape(500, 784);
        double[][] lp = new double[2][];
        double[] elbo = null;
        int[] sizes = {4, 40};
        for (int j = 0; j < 2; j++) {
            ImportanceSampler.Estimate[] e = new ImportanceSampler(m, sizes[j], 21, 10_000).estimate(copies, 0);
            lp[j] = new double[e.length];
            double[] el = new double[e.length];
            for (int i = 0; i < e.length; i++) {
                lp[j][i] = e[i].logPx();
                el[i] = -e[i].negElbo();
                assertTrue(lp[j][i] >= el[i] - 1e-12, "ln mean w >= mean ln w");
            }
            if (j == 0) {
                elbo = el;
            }
        }
        MeanEstimate elboMean = MeanEstimate.of(elbo);
        MeanEstimate p4 = MeanEstimate.of(lp[0]);
        MeanEstimate p40 = MeanEstimate.of(lp[1]);
        String what = String.format("ELBO %.4f ± %.4f, E ln p_4 %.4f ± %.4f, E ln p_40 %.4f ± %.4f, exact %.4f", elboMean.mean(),
                elboMean.standardError(), p4.mean(), p4.standardError(), p40.mean(), p40.standardError(), exact);
        assertTrue(p4.mean() - elboMean.mean() > 4 * Math.hypot(p4.standardError(), elboMean.standardError()), what);
        assertTrue(p40.mean() - p4.mean() > 4 * Math.hypot(p4.standardError(), p40.standardError()), what);
        assertTrue(exact - p40.mean() > 4 * p40.standardError(), what);
    }

    @Test
    void resultsDoNotDependOnHowRowsAreChunked() {
        DlgmModel m = tiny("planar", 2, 5);
        INDArray x = digits(5, 13);
        ImportanceSampler.Estimate[] whole = new ImportanceSampler(m, 20, 7, 10_000).estimate(x, 3);
        for (int rows : new int[] {7, 45, 20}) {
            ImportanceSampler.Estimate[] split = new ImportanceSampler(m, 20, 7, rows).estimate(x, 3);
            for (int i = 0; i < x.rows(); i++) {
                assertEquals(whole[i].logPx(), split[i].logPx(), 1e-9, "max rows " + rows + ", example " + i);
                assertEquals(whole[i].negElbo(), split[i].negElbo(), 1e-9, "max rows " + rows + ", example " + i);
            }
        }
        // an example's noise depends on its index in the split, not on its neighbours
        ImportanceSampler.Estimate[] alone = new ImportanceSampler(m, 20, 7, 10_000).estimate(x.getRows(2), 5);
        assertEquals(whole[2].logPx(), alone[0].logPx(), 1e-9);
    }
}
