package org.nf4j.train;

import org.nd4j.linalg.schedule.ISchedule;

/**
 * A learning rate falling linearly from {@code initial} at update 0 to 0 at update {@code length}
 * (and 0 after it): {@code initial (1 - t / length)}. ND4J 1.0.0-M2.1's {@code PolySchedule}, which is
 * documented as this with power 1, computes {@code initial (1 + t / length)^power}: it grows.
 */
public final class LinearDecay implements ISchedule {
    private final double initial;
    private final int length;

    public LinearDecay(double initial, int length) {
        if (length < 1) {
            throw new IllegalArgumentException("a decay needs at least one update, got " + length);
        }
        this.initial = initial;
        this.length = length;
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return iteration >= length ? 0.0 : initial * (1.0 - (double) iteration / length);
    }

    @Override
    public ISchedule clone() {
        return new LinearDecay(initial, length);
    }
}
