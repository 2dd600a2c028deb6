package org.nf4j.train;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nf4j.runtime.HostMemory;

/**
 * A reusable Java copy of the values of a float32 or float64 array, moved in and out with one bulk
 * memory copy, kept in the array's own type ({@link #floats()} or {@link #doubles()}). Java loops
 * over such arrays are vectorised by the JIT; ND4J's generic native build runs element-wise
 * updaters (Adam's sqrt) several times slower, and a loop over an NIO view of the native buffer is
 * not vectorised at all.
 */
final class HostBuffer {
    private final DataType type;
    private float[] floats = new float[0];
    private double[] doubles = new double[0];

    HostBuffer(DataType type) {
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException("only float32 and float64 arrays, got " + type);
        }
        this.type = type;
    }

    boolean isDouble() {
        return type == DataType.DOUBLE;
    }

    /** The values of a float32 buffer, valid up to the length last loaded. */
    float[] floats() {
        return floats;
    }

    /** The values of a float64 buffer, valid up to the length last loaded. */
    double[] doubles() {
        return doubles;
    }

    /** Copies all of {@code a} (any layout, converted to this buffer's type) in; returns its length. */
    int load(INDArray a) {
        INDArray c = plain(a) ? a : a.dup('c');
        return load(c, 0, lengthOf(c));
    }

    /** Copies {@code n} values of the plain array {@code flat}, from element {@code offset}, in. */
    int load(INDArray flat, long offset, int n) {
        if (flat.dataType() != type) {
            return load(flat.castTo(type), offset, n);
        }
        ensure(n);
        HostMemory.beforeRead(flat);
        if (isDouble()) {
            new DoublePointer(flat.data().addressPointer()).position(offset).get(doubles, 0, n);
        } else {
            new FloatPointer(flat.data().addressPointer()).position(offset).get(floats, 0, n);
        }
        return n;
    }

    /** Writes the first {@code length(a)} values into {@code a}. */
    void store(INDArray a) {
        if (plain(a) && a.dataType() == type) {
            store(a, 0, lengthOf(a));
        } else {
            INDArray c = a.castTo(type).dup('c');
            store(c, 0, lengthOf(c));
            a.assign(c);
        }
    }

    /** Writes the first {@code n} values into the plain array {@code flat} (of this type) from element {@code offset}. */
    void store(INDArray flat, long offset, int n) {
        if (flat.dataType() != type) {
            throw new IllegalArgumentException("a " + type + " buffer cannot be stored into a " + flat.dataType() + " array");
        }
        HostMemory.beforeRead(flat); // the values outside [offset, offset + n) must be current too
        if (isDouble()) {
            new DoublePointer(flat.data().addressPointer()).position(offset).put(doubles, 0, n);
        } else {
            new FloatPointer(flat.data().addressPointer()).position(offset).put(floats, 0, n);
        }
        HostMemory.afterWrite(flat);
    }

    /**
     * Sum of squares of the values {@code [from, to)}, accumulated in double precision in four
     * independent partial sums (one running sum is bound by the latency of each addition).
     */
    double sumOfSquares(int from, int to) {
        int n = to;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        if (isDouble()) {
            for (; i + 3 < n; i += 4) {
                s0 += doubles[i] * doubles[i];
                s1 += doubles[i + 1] * doubles[i + 1];
                s2 += doubles[i + 2] * doubles[i + 2];
                s3 += doubles[i + 3] * doubles[i + 3];
            }
            for (; i < n; i++) {
                s0 += doubles[i] * doubles[i];
            }
        } else {
            for (; i + 3 < n; i += 4) {
                double a = floats[i];
                double b = floats[i + 1];
                double c = floats[i + 2];
                double d = floats[i + 3];
                s0 += a * a;
                s1 += b * b;
                s2 += c * c;
                s3 += d * d;
            }
            for (; i < n; i++) {
                double a = floats[i];
                s0 += a * a;
            }
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Multiplies the values {@code [from, to)} by {@code s}. */
    void scale(int from, int to, double s) {
        if (isDouble()) {
            for (int i = from; i < to; i++) {
                doubles[i] *= s;
            }
        } else {
            float f = (float) s;
            for (int i = from; i < to; i++) {
                floats[i] *= f;
            }
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
        if (isDouble() && doubles.length < n) {
            doubles = new double[n];
        } else if (!isDouble() && floats.length < n) {
            floats = new float[n];
        }
    }
}
