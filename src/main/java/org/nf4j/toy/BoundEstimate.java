package org.nf4j.toy;

/**
 * A Monte Carlo estimate of a mean with its standard error.
 *
 * @param mean    the sample mean
 * @param stdErr  the sample standard deviation over sqrt(n)
 * @param samples n
 */
public record BoundEstimate(double mean, double stdErr, long samples) {

    /** Estimate from values accumulated with {@link Accumulator}. */
    public static final class Accumulator {
        private long n;
        private double mean;
        private double m2;

        /** Welford's update. */
        public void add(double x) {
            n++;
            double delta = x - mean;
            mean += delta / n;
            m2 += delta * (x - mean);
        }

        public BoundEstimate result() {
            double var = n > 1 ? m2 / (n - 1) : Double.NaN;
            return new BoundEstimate(mean, Math.sqrt(var / n), n);
        }
    }
}
