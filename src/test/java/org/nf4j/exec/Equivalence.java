package org.nf4j.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Asserts that a compiled run equals SameDiff's, value by value, to a relative tolerance. */
final class Equivalence {
    private Equivalence() {
    }

    static void assertSameResults(String what, Map<String, INDArray> expected, Map<String, INDArray> actual, double tol) {
        assertEquals(expected.keySet(), actual.keySet(), what + ": the same names");
        for (Map.Entry<String, INDArray> e : expected.entrySet()) {
            assertClose(what + " " + e.getKey(), e.getValue(), actual.get(e.getKey()), tol);
        }
    }

    static void assertClose(String what, INDArray expected, INDArray actual, double tol) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        assertEquals(expected.dataType(), actual.dataType(), what + ": type");
        double[] x = expected.dup('c').castTo(DataType.DOUBLE).data().asDouble();
        double[] y = actual.dup('c').castTo(DataType.DOUBLE).data().asDouble();
        double scale = 0;
        for (double v : x) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < x.length; i++) {
            assertTrue(Double.isFinite(x[i]), what + ": SameDiff's value " + i + " is " + x[i]);
            double err = Math.abs(x[i] - y[i]);
            assertTrue(err <= tol * Math.max(Math.abs(x[i]), 1e-3 * scale) || err == 0,
                    what + "[" + i + "]: SameDiff " + x[i] + ", compiled " + y[i]);
        }
    }
}
