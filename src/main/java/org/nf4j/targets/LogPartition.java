package org.nf4j.targets;

/**
 * ln Z = ln \iint exp(-U(z)) dz by composite Simpson quadrature on the box [-L, L]^2 with n
 * intervals per axis (n even, h = 2L/n):
 * <pre>
 *   Z ~= (h/3)^2 sum_i sum_j c_i c_j exp(-U(z_i, z_j)),   c = 1, 4, 2, 4, ..., 2, 4, 1,
 *   ln Z = -U_min + ln( (h/3)^2 sum_ij c_i c_j exp(-(U_ij - U_min)) ),
 * </pre>
 * the shift by U_min (log-sum-exp style scaling) keeps every term in [0, 1].
 *
 * <p>The default box L = 8 holds the mass of U1..U4 (with their walls) up to far-tail terms
 * below 1e-12; the default n = 1600 (h = 0.01) is converged to ~1e-9 for U1. The wall makes
 * U2..U4 only C^1 at |z1| = 4, which lowers Simpson's order there but the error stays ~1e-8.
 */
public final class LogPartition {
    /** Default half-width L of the integration box. */
    public static final double DEFAULT_HALF_WIDTH = 8.0;
    /** Default number of Simpson intervals per axis. */
    public static final int DEFAULT_INTERVALS = 1600;

    private LogPartition() {
    }

    /** ln Z with the default box and grid. */
    public static double of(Energy2D u) {
        return of(u, DEFAULT_HALF_WIDTH, DEFAULT_INTERVALS);
    }

    /**
     * ln Z by composite Simpson on [-halfWidth, halfWidth]^2.
     *
     * @param intervals intervals per axis, even and &gt;= 2
     */
    public static double of(Energy2D u, double halfWidth, int intervals) {
        if (intervals < 2 || intervals % 2 != 0) {
            throw new IllegalArgumentException("intervals must be even and >= 2, got " + intervals);
        }
        if (!(halfWidth > 0)) {
            throw new IllegalArgumentException("halfWidth must be > 0, got " + halfWidth);
        }
        int n = intervals + 1;
        double h = 2.0 * halfWidth / intervals;
        double[] x = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -halfWidth + i * h;
            c[i] = (i == 0 || i == n - 1) ? 1.0 : (i % 2 == 1 ? 4.0 : 2.0);
        }
        double[][] energy = new double[n][n];
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double e = u.energy(x[i], x[j]);
                energy[i][j] = e;
                min = Math.min(min, e);
            }
        }
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double row = 0.0;
            for (int j = 0; j < n; j++) {
                row += c[j] * Math.exp(-(energy[i][j] - min));
            }
            sum += c[i] * row;
        }
        return -min + Math.log(sum) + 2.0 * Math.log(h / 3.0);
    }
}
