package org.nf4j.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The 2-D view keeps the two directions along which points vary most, in that order. */
class ProjectionTest {

    @Test
    void recoversTheTwoWidestDirectionsOfARotatedCloud() {
        Random rng = new Random(3);
        double[] sd = {0.1, 3.0, 0.2, 1.5, 0.05};
        double c = Math.cos(0.7);
        double s = Math.sin(0.7);
        double[][] points = new double[4000][5];
        for (double[] p : points) {
            for (int d = 0; d < 5; d++) {
                p[d] = 10 + sd[d] * rng.nextGaussian();
            }
            double a = p[1];
            double b = p[3];
            p[1] = c * a - s * b; // rotate the two wide axes in their plane
            p[3] = s * a + c * b;
        }
        double[][] flat = Projection.principal(points).apply(points);
        double[] variance = new double[2];
        double covariance = 0;
        for (double[] q : flat) {
            variance[0] += q[0] * q[0] / flat.length;
            variance[1] += q[1] * q[1] / flat.length;
            covariance += q[0] * q[1] / flat.length;
        }
        assertEquals(9.0, variance[0], 0.5);
        assertEquals(2.25, variance[1], 0.15);
        assertEquals(0.0, covariance, 0.1);
    }
}
