package org.nf4j.notebook;

import java.util.Random;

/**
 * A 2-D view of D-dimensional points: the plane of their two main directions (principal components
 * of the points it is fitted to, by power iteration), so that several sets drawn in it can be
 * compared in the same coordinates.
 */
public final class Projection {
    private final double[] mean;
    private final double[][] axes;

    private Projection(double[] mean, double[][] axes) {
        this.mean = mean;
        this.axes = axes;
    }

    /** The plane of the two largest principal components of {@code points} [n][D] (D at least 2). */
    public static Projection principal(double[][] points) {
        int d = points[0].length;
        if (d < 2) {
            throw new IllegalArgumentException("need at least 2 dimensions, got " + d);
        }
        double[] mean = new double[d];
        for (double[] p : points) {
            for (int i = 0; i < d; i++) {
                mean[i] += p[i] / points.length;
            }
        }
        double[][] cov = new double[d][d];
        for (double[] p : points) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    cov[i][j] += (p[i] - mean[i]) * (p[j] - mean[j]) / points.length;
                }
            }
        }
        double[] first = leadingEigenvector(cov, new Random(1));
        double lambda = quadratic(cov, first);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                cov[i][j] -= lambda * first[i] * first[j];
            }
        }
        return new Projection(mean, new double[][] {first, leadingEigenvector(cov, new Random(2))});
    }

    /** The points [n][D] in the plane's coordinates [n][2] (centred on the fitted points' mean). */
    public double[][] apply(double[][] points) {
        double[][] out = new double[points.length][2];
        for (int n = 0; n < points.length; n++) {
            for (int a = 0; a < 2; a++) {
                double s = 0;
                for (int i = 0; i < mean.length; i++) {
                    s += (points[n][i] - mean[i]) * axes[a][i];
                }
                out[n][a] = s;
            }
        }
        return out;
    }

    private static double[] leadingEigenvector(double[][] m, Random rng) {
        double[] v = new double[m.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian();
        }
        for (int iteration = 0; iteration < 500; iteration++) {
            double[] w = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                for (int j = 0; j < v.length; j++) {
                    w[i] += m[i][j] * v[j];
                }
            }
            double norm = 0;
            for (double x : w) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return v;
            }
            for (int i = 0; i < w.length; i++) {
                w[i] /= norm;
            }
            v = w;
        }
        return v;
    }

    private static double quadratic(double[][] m, double[] v) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                s += v[i] * m[i][j] * v[j];
            }
        }
        return s;
    }
}
