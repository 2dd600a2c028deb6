package org.nf4j.toy;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Standard normal noise [rows, cols] from a seeded, splittable generator (Box-Muller). */
final class GaussianNoise {
    private final SplittableRandom rng;

    GaussianNoise(long seed) {
        this.rng = new SplittableRandom(seed);
    }

    INDArray next(int rows, int cols) {
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
