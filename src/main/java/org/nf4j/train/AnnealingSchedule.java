package org.nf4j.train;

/**
 * The annealed inverse temperature of Rezende and Mohamed (2015), section 6:
 * beta_t = min(1, 0.01 + t / 10000), t the 0-based update count.
 */
public final class AnnealingSchedule {
    private final double start;
    private final double steps;

    /** The paper's schedule: from 0.01, reaching 1 after 9,900 updates. */
    public static AnnealingSchedule paper() {
        return new AnnealingSchedule(0.01, 10_000);
    }

    /** beta_t = min(1, start + t / steps); steps = 0 means beta = 1 throughout. */
    public AnnealingSchedule(double start, double steps) {
        this.start = start;
        this.steps = steps;
    }

    public double beta(long t) {
        return steps <= 0 ? 1.0 : Math.min(1.0, start + t / steps);
    }
}
