package org.nf4j.eval;

/**
 * ln((1/n) sum_i exp(v_i)) in double precision, stable for any magnitude: with m = max_i v_i,
 * <pre>  ln mean exp(v) = m + ln((1/n) sum_i exp(v_i - m))  </pre>
 * so every exponent is &lt;= 0 and the largest term is exactly 1 (no overflow, and the sum is at
 * least 1, so no underflow to ln 0). Conventions: all -inf gives -inf; any +inf gives +inf; any
 * NaN gives NaN. Written by hand because SameDiff's logSumExp has a broken gradient (not needed
 * here) and because the sum must be done in double whatever the model's data type.
 */
public final class LogMeanExp {
    private LogMeanExp() {
    }

    /** ln mean exp over all of {@code v}. */
    public static double of(double[] v) {
        return of(v, 0, v.length);
    }

    /** ln mean exp over {@code v[from..to)}; the range must not be empty. */
    public static double of(double[] v, int from, int to) {
        if (from < 0 || to > v.length || to <= from) {
            throw new IllegalArgumentException("empty or bad range [" + from + ", " + to + ") of " + v.length + " values");
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            if (Double.isNaN(v[i])) {
                return Double.NaN;
            }
            max = Math.max(max, v[i]);
        }
        if (Double.isInfinite(max)) {
            return max; // all -inf, or some +inf
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += Math.exp(v[i] - max);
        }
        return max + Math.log(sum) - Math.log(to - from);
    }
}
