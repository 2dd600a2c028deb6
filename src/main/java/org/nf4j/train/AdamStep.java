package org.nf4j.train;

import org.nd4j.linalg.learning.config.Adam;

/**
 * One Adam update (Kingma and Ba 2015) of {@code n} parameters, in a Java loop, as ND4J's
 * {@code adam_updater} computes it, in the parameters' own precision:
 * <pre>
 *   m = beta1 m + (1 - beta1) g,   v = beta2 v + (1 - beta2) g^2
 *   p = p - alpha_t m / (sqrt(v) + eps),   alpha_t = lr sqrt(1 - beta2^t) / (1 - beta1^t),  t = iteration + 1
 * </pre>
 * The gradient is the clipped one (see {@link ParameterUpdater}); m, v and p are updated in place.
 */
final class AdamStep {
    private AdamStep() {
    }

    static double alpha(Adam config, int iteration) {
        double t = iteration + 1;
        return config.getLearningRate(iteration, 0) * Math.sqrt(1 - Math.pow(config.getBeta2(), t))
                / (1 - Math.pow(config.getBeta1(), t));
    }

    static void apply(Adam config, int iteration, float[] g, float[] m, float[] v, float[] p, int n) {
        float b1 = (float) config.getBeta1();
        float b2 = (float) config.getBeta2();
        float c1 = 1 - b1;
        float c2 = 1 - b2;
        float eps = (float) config.getEpsilon();
        float alpha = (float) alpha(config, iteration);
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float mi = b1 * m[i] + c1 * gi;
            float vi = b2 * v[i] + c2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] -= alpha * mi / ((float) Math.sqrt(vi) + eps);
        }
    }

    static void apply(Adam config, int iteration, double[] g, double[] m, double[] v, double[] p, int n) {
        double b1 = config.getBeta1();
        double b2 = config.getBeta2();
        double eps = config.getEpsilon();
        double alpha = alpha(config, iteration);
        for (int i = 0; i < n; i++) {
            double gi = g[i];
            double mi = b1 * m[i] + (1 - b1) * gi;
            double vi = b2 * v[i] + (1 - b2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] -= alpha * mi / (Math.sqrt(vi) + eps);
        }
    }
}
