package org.nf4j.train;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Standard normal noise that is a pure function of (seed, step): resuming at step t draws exactly
 * what an uninterrupted run would have drawn, with no generator state to save.
 */
public final class StepNoise {
    private final long seed;

    public StepNoise(long seed) {
        this.seed = seed;
    }

    /** N(0, 1) noise of shape [rows, cols] for update {@code step} (Box-Muller). */
    public INDArray at(long step, int rows, int cols) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step);
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i += 2) {
            double r = Math.sqrt(-2 * Math.log(1 - rng.nextDouble()));
            double a = 2 * Math.PI * rng.nextDouble();
            v[i] = r * Math.cos(a);
            if (i + 1 < v.length) {
                v[i + 1] = r * Math.sin(a);
            }
        }
        return Nd4j.create(v, new long[] {rows, cols}, Nd4j.defaultFloatingPointType());
    }
}
