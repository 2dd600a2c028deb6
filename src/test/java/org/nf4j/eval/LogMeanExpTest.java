package org.nf4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogMeanExpTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void agreesWithTheNaiveFormulaWhereThatIsSafe() {
        Random rng = new Random(1);
        for (int t = 0; t < 50; t++) {
            double[] v = new double[1 + rng.nextInt(30)];
            double sum = 0;
            for (int i = 0; i < v.length; i++) {
                v[i] = rng.nextGaussian() * 5;
                sum += Math.exp(v[i]);
            }
            assertEquals(Math.log(sum / v.length), LogMeanExp.of(v), 1e-12);
        }
    }

    @Test
    void hugeAndTinyValuesNeitherOverflowNorUnderflow() {
        // (e^a + 3 e^a) / 2 = 2 e^a, and (e^a + e^a / 3) / 2 = (2/3) e^a, for a = +-1000 and ln-weights of -ln p(x) ~ 1e4
        for (double a : new double[] {1000, -1000, 10_000, -10_000, 700, -745}) {
            assertEquals(a + Math.log(2), LogMeanExp.of(new double[] {a, a + Math.log(3)}), 1e-9 * Math.max(1, Math.abs(a)));
            assertEquals(a + Math.log(2.0 / 3), LogMeanExp.of(new double[] {a, a - Math.log(3)}), 1e-9 * Math.max(1, Math.abs(a)));
            assertEquals(a, LogMeanExp.of(new double[] {a, a, a, a}), 0.0);
        }
        // terms 800 nats below the largest add nothing, and do not turn it into NaN
        assertEquals(-90 - Math.log(3), LogMeanExp.of(new double[] {-90, -890, -1e300}), 1e-12);
    }

    @Test
    void shiftingEveryValueShiftsTheResult() {
        double[] v = {-3, 0.5, 2, -7};
        double base = LogMeanExp.of(v);
        for (double c : new double[] {-5000, 5000}) {
            double[] w = v.clone();
            for (int i = 0; i < w.length; i++) {
                w[i] += c;
            }
            assertEquals(base + c, LogMeanExp.of(w), 1e-9);
        }
    }

    @Test
    void infinitiesAndNaN() {
        assertEquals(Math.log(0.5), LogMeanExp.of(new double[] {Double.NEGATIVE_INFINITY, 0}), 1e-15);
        assertEquals(Double.NEGATIVE_INFINITY, LogMeanExp.of(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}));
        assertEquals(INF, LogMeanExp.of(new double[] {INF, 3, Double.NEGATIVE_INFINITY}));
        assertTrue(Double.isNaN(LogMeanExp.of(new double[] {1, Double.NaN})));
    }

    @Test
    void aRangeOfAnArray() {
        double[] v = {100, 1, 2, 100};
        assertEquals(Math.log((Math.E + Math.exp(2)) / 2), LogMeanExp.of(v, 1, 3), 1e-12);
        assertEquals(7.0, LogMeanExp.of(new double[] {7}), 0.0);
        assertThrows(IllegalArgumentException.class, () -> LogMeanExp.of(v, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> LogMeanExp.of(v, 0, 5));
    }

    @Test
    void meanAndStandardError() {
        MeanEstimate m = MeanEstimate.of(new double[] {1, 2, 3, 4});
        assertEquals(2.5, m.mean(), 1e-15);
        // sample variance 5/3, se = sqrt(5/3 / 4)
        assertEquals(Math.sqrt(5.0 / 12), m.standardError(), 1e-15);
        assertTrue(Double.isNaN(MeanEstimate.of(new double[] {3}).standardError()));
    }
}
