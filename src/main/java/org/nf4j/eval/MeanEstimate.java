package org.nf4j.eval;

import java.io.Serializable;

/**
 * The mean of per-example values and its standard error, sd / sqrt(n) with the sample standard
 * deviation (n - 1 in the denominator); the error is NaN for a single value. Summed in double
 * with Welford's update, so a mean near 100 nats with a spread of 20 loses nothing.
 */
public record MeanEstimate(double mean, double standardError, long n) implements Serializable {

    public static MeanEstimate of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double mean = 0;
        double m2 = 0;
        for (int i = 0; i < values.length; i++) {
            double d = values[i] - mean;
            mean += d / (i + 1);
            m2 += d * (values[i] - mean);
        }
        int n = values.length;
        double se = n > 1 ? Math.sqrt(m2 / (n - 1) / n) : Double.NaN;
        return new MeanEstimate(mean, se, n);
    }
}
