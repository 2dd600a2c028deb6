package org.nf4j.flows;

import java.util.Random;

/** Random orthogonal matrices in plain Java (modified Gram-Schmidt of a Gaussian matrix). */
final class Orthogonal {
    private Orthogonal() {
    }

    /** A dim x dim orthogonal matrix; rows are orthonormal to double precision. */
    static double[][] random(int dim, Random rng) {
        double[][] m = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                m[i][j] = rng.nextGaussian();
            }
        }
        for (int i = 0; i < dim; i++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < i; p++) {
                    double dot = 0;
                    for (int j = 0; j < dim; j++) {
                        dot += m[i][j] * m[p][j];
                    }
                    for (int j = 0; j < dim; j++) {
                        m[i][j] -= dot * m[p][j];
                    }
                }
            }
            double norm = 0;
            for (int j = 0; j < dim; j++) {
                norm += m[i][j] * m[i][j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < dim; j++) {
                m[i][j] /= norm;
            }
        }
        return m;
    }
}
