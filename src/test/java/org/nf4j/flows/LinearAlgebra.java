package org.nf4j.flows;

/** Plain-Java dense linear algebra for the tests (independent of ND4J). */
final class LinearAlgebra {
    private LinearAlgebra() {
    }

    /** log|det A| by LU decomposition with partial pivoting. */
    static double logAbsDet(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = a[i].clone();
        }
        double logDet = 0;
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] tmp = m[c];
            m[c] = m[pivot];
            m[pivot] = tmp;
            double p = m[c][c];
            logDet += Math.log(Math.abs(p));
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / p;
                for (int k = c; k < n; k++) {
                    m[r][k] -= f * m[c][k];
                }
            }
        }
        return logDet;
    }
}
