package org.nf4j.train;

import org.nd4j.linalg.learning.config.Adam;

/**
 * One Adam update (Kingma and Ba 2015) of {@code n} parameters, in a Java loop, the way ND4J's
 * {@code adam_updater} computes it:
 * <pre>
 *   m = beta1 m + (1 - beta1) g,   v = beta2 v + (1 - beta2) g^2
 *   p = p - alpha_t m / (sqrt(v) + eps),   alpha_t = lr sqrt(1 - beta2^t) / (1 - beta1^t),  t = iteration + 1
 * </pre>
 */
final class AdamStep {
    private AdamStep() {
    }

    /**
     * @param g     gradient, multiplied by {@code scale} first (gradient clipping)
     * @param m     first moment, updated in place
     * @param v     second moment, updated in place
     * @param p     parameters, updated in place
     */
    static void apply(Adam config, int iteration, double scale, double[] g, double[] m, double[] v, double[] p, int n) {
        double b1 = config.getBeta1();
        double b2 = config.getBeta2();
        double eps = config.getEpsilon();
        double t = iteration + 1;
        double alpha = config.getLearningRate(iteration, 0) * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
        for (int i = 0; i < n; i++) {
            double gi = g[i] * scale;
            double mi = b1 * m[i] + (1 - b1) * gi;
            double vi = b2 * v[i] + (1 - b2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] -= alpha * mi / (Math.sqrt(vi) + eps);
        }
    }
}
