package org.nf4j.train;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A reusable Java copy of the values of float32 or float64 arrays, moved in and out with one bulk
 * memory copy. Java loops over a {@code double[]} are vectorised by the JIT; ND4J's generic native
 * build runs element-wise updaters (Adam's sqrt) several times slower, and a loop over an NIO view
 * of the native buffer is not vectorised at all.
 */
final class HostBuffer {
    private double[] values = new double[0];
    private float[] floats = new float[0];

    /** The values, valid up to the length of the last array loaded. */
    double[] values() {
        return values;
    }

    /** Copies all of {@code a} (any layout) into {@link #values()}; returns its length. */
    int load(INDArray a) {
        INDArray c = plain(a) ? a : a.dup('c');
        return load(c, 0, lengthOf(c));
    }

    /** Copies {@code n} values of the plain array {@code flat} from element {@code offset}. */
    int load(INDArray flat, long offset, int n) {
        ensure(n);
        if (flat.dataType() == DataType.DOUBLE) {
            new DoublePointer(flat.data().addressPointer()).position(offset).get(values, 0, n);
        } else if (flat.dataType() == DataType.FLOAT) {
            new FloatPointer(flat.data().addressPointer()).position(offset).get(floats, 0, n);
            for (int i = 0; i < n; i++) {
                values[i] = floats[i];
            }
        } else {
            throw new IllegalArgumentException("only float32 and float64 arrays, got " + flat.dataType());
        }
        return n;
    }

    /** Writes the first {@code length(a)} values into {@code a} (rounded to its type). */
    void store(INDArray a) {
        if (plain(a)) {
            store(a, 0, lengthOf(a));
        } else {
            INDArray c = a.dup('c');
            store(c, 0, lengthOf(c));
            a.assign(c);
        }
    }

    /** Writes the first {@code n} values into the plain array {@code flat} from element {@code offset}. */
    void store(INDArray flat, long offset, int n) {
        if (flat.dataType() == DataType.DOUBLE) {
            new DoublePointer(flat.data().addressPointer()).position(offset).put(values, 0, n);
        } else if (flat.dataType() == DataType.FLOAT) {
            for (int i = 0; i < n; i++) {
                floats[i] = (float) values[i];
            }
            new FloatPointer(flat.data().addressPointer()).position(offset).put(floats, 0, n);
        } else {
            throw new IllegalArgumentException("only float32 and float64 arrays, got " + flat.dataType());
        }
    }

    /** Not a view, row-major: its values are the first length() elements of its buffer. */
    static boolean plain(INDArray a) {
        return !a.isView() && a.ordering() == 'c' && a.data().length() >= a.length();
    }

    private static int lengthOf(INDArray a) {
        return Math.toIntExact(a.length());
    }

    private void ensure(int n) {
        if (values.length < n) {
            values = new double[n];
            floats = new float[n];
        }
    }
}
