package org.nf4j.targets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The SameDiff energies in float64: values equal the plain-Java ones, gradients equal finite differences. */
@org.junit.jupiter.api.extension.ExtendWith(org.nf4j.Float64.class)
class EnergySameDiffTest {
    private static final int N = 64;

    /** N random points in [-5, 5]^2 (covering the walls at |z1| = 4), plus the origin and a point on the ring. */
    private static double[][] points(long seed) {
        Random rng = new Random(seed);
        double[][] z = new double[N][2];
        for (int i = 0; i < N; i++) {
            z[i][0] = -5 + 10 * rng.nextDouble();
            z[i][1] = -5 + 10 * rng.nextDouble();
        }
        z[0] = new double[] {0, 0};
        z[1] = new double[] {2, 0};
        return z;
    }

    @ParameterizedTest
    @EnumSource(Targets.class)
    void valuesMatchPlainJava(Targets target) {
        Energy2D u = target.energy();
        double[][] z = points(11);
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("z", DataType.DOUBLE, -1, 2);
        SDVariable out = u.energy(sd, in);
        INDArray result = sd.output(Map.of("z", Nd4j.createFromArray(z)), out.name()).get(out.name());
        assertArrayEquals(new long[] {N}, result.shape());
        for (int i = 0; i < N; i++) {
            double expected = u.energy(z[i][0], z[i][1]);
            assertEquals(expected, result.getDouble(i), 1e-12 * (1 + Math.abs(expected)), "point " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(Targets.class)
    void gradientsMatchCentralDifferences(Targets target) {
        Energy2D u = target.energy();
        double[][] z = points(23);
        SameDiff sd = SameDiff.create();
        SDVariable var = sd.var("z", Nd4j.createFromArray(z));
        SDVariable loss = u.energy(sd, var).sum();
        loss.markAsLoss();
        INDArray grad = sd.calculateGradients(Collections.emptyMap(), "z").get("z");
        double h = 1e-5;
        for (int i = 0; i < N; i++) {
            double a = z[i][0];
            double b = z[i][1];
            double d1 = (u.energy(a + h, b) - u.energy(a - h, b)) / (2 * h);
            double d2 = (u.energy(a, b + h) - u.energy(a, b - h)) / (2 * h);
            assertTrue(Double.isFinite(grad.getDouble(i, 0)) && Double.isFinite(grad.getDouble(i, 1)), "finite at " + i);
            assertEquals(d1, grad.getDouble(i, 0), 1e-6 * Math.max(1, Math.abs(d1)), target + " dU/dz1 at point " + i);
            assertEquals(d2, grad.getDouble(i, 1), 1e-6 * Math.max(1, Math.abs(d2)), target + " dU/dz2 at point " + i);
        }
    }
}
