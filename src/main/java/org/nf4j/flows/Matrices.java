package org.nf4j.flows;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Small dense matrices in plain Java for the constants of fixed flows, and their ND4J form. */
final class Matrices {
    private Matrices() {
    }

    /** As an INDArray in the default floating-point type. */
    static INDArray array(double[][] m) {
        return Nd4j.create(m).castTo(Nd4j.defaultFloatingPointType());
    }

    static double[][] identity(int d) {
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            m[i][i] = 1.0;
        }
        return m;
    }

    /**
     * The reversal permutation (coordinate i to d - 1 - i), symmetric and its own inverse. As a
     * product with a constant it is much cheaper than libnd4j's reverse op, whose forward and
     * backward passes took ~0.6 ms each on [1024, 2] (the grouped 2-D fits).
     */
    static double[][] reversal(int d) {
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            m[i][d - 1 - i] = 1.0;
        }
        return m;
    }

    /** x y for square matrices of equal size. */
    static double[][] product(double[][] x, double[][] y) {
        int n = x.length;
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    p[i][j] += x[i][k] * y[k][j];
                }
            }
        }
        return p;
    }

    static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }
}
