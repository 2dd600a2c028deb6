package org.nf4j.train;

/**
 * One {@link RmsPropMomentum} update of {@code n} parameters, in a Java loop in the parameters' own
 * precision (as {@link AdamStep} for Adam): r, v and p are updated in place from the (clipped)
 * gradient g.
 */
final class RmsPropMomentumStep {
    private RmsPropMomentumStep() {
    }

    static void apply(RmsPropMomentum config, int iteration, float[] g, float[] r, float[] v, float[] p, int n) {
        float a = (float) config.decay();
        float c = (float) (1 - config.decay());
        float m = (float) config.momentum();
        float eps = (float) config.epsilon();
        float lr = (float) config.getLearningRate(iteration, 0);
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float ri = a * r[i] + c * gi * gi;
            float vi = m * v[i] + gi / ((float) Math.sqrt(ri) + eps);
            r[i] = ri;
            v[i] = vi;
            p[i] -= lr * vi;
        }
    }

    static void apply(RmsPropMomentum config, int iteration, double[] g, double[] r, double[] v, double[] p, int n) {
        double a = config.decay();
        double m = config.momentum();
        double eps = config.epsilon();
        double lr = config.getLearningRate(iteration, 0);
        for (int i = 0; i < n; i++) {
            double gi = g[i];
            double ri = a * r[i] + (1 - a) * gi * gi;
            double vi = m * v[i] + gi / (Math.sqrt(ri) + eps);
            r[i] = ri;
            v[i] = vi;
            p[i] -= lr * vi;
        }
    }
}
