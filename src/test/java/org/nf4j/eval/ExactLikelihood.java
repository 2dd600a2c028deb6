package org.nf4j.eval;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nf4j.model.DlgmModel;

/**
 * ln p(x) = ln ∫ p(x|z) N(z; 0, I) dz for a model with a 2-D latent space, by the midpoint rule on
 * a square grid in double precision (for a smooth integrand that has decayed to nothing at the
 * edges this converges faster than any power of the spacing). Only the decoder's logits come
 * from the graph; the Bernoulli log-likelihood, the prior and the sum are written out here.
 */
final class ExactLikelihood {
    private ExactLikelihood() {
    }

    /** ln p(x_i) for each row of x [n, 784], on [-half, half]^2 with spacing h. */
    static double[] logPx(DlgmModel model, INDArray x, double half, double h) {
        if (model.latent() != 2) {
            throw new IllegalArgumentException("2-D latent only");
        }
        int m = (int) Math.round(2 * half / h);
        double[][] xs = new double[(int) x.rows()][];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = x.getRow(i).toDoubleVector();
        }
        int points = m * m;
        double[][] terms = new double[xs.length][points];
        int chunk = 4096;
        for (int p0 = 0; p0 < points; p0 += chunk) {
            int p1 = Math.min(points, p0 + chunk);
            double[] z = new double[(p1 - p0) * 2];
            for (int p = p0; p < p1; p++) {
                z[2 * (p - p0)] = -half + h * (p / m + 0.5);
                z[2 * (p - p0) + 1] = -half + h * (p % m + 0.5);
            }
            INDArray zs = Nd4j.create(z, new long[] {p1 - p0, 2}, Nd4j.defaultFloatingPointType());
            double[][] logits = model.sameDiff().output(Map.of("zPrior", zs), DlgmModel.PRIOR_LOGITS)
                    .get(DlgmModel.PRIOR_LOGITS).toDoubleMatrix();
            for (int p = p0; p < p1; p++) {
                double z1 = z[2 * (p - p0)];
                double z2 = z[2 * (p - p0) + 1];
                double logPrior = -0.5 * (z1 * z1 + z2 * z2) - Math.log(2 * Math.PI);
                double[] l = logits[p - p0];
                double softplus = 0;
                for (double v : l) {
                    softplus += Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
                }
                for (int i = 0; i < xs.length; i++) {
                    double xl = 0;
                    for (int j = 0; j < l.length; j++) {
                        xl += xs[i][j] * l[j];
                    }
                    terms[i][p] = xl - softplus + logPrior;
                }
            }
        }
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = LogMeanExp.of(terms[i]) + Math.log(points) + 2 * Math.log(h);
        }
        return out;
    }
}
