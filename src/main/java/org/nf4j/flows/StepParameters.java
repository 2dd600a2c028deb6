package org.nf4j.flows;

import java.util.Random;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Raw parameters of a block of {@code steps} flow steps with {@code perStep} numbers each, laid out
 * as one row per example: {@code [rows, steps * perStep]}, rows = 1 (global) or batch (amortised).
 */
final class StepParameters {
    private final SDVariable blocked;
    private final int steps;

    private StepParameters(SDVariable blocked, int steps) {
        this.blocked = blocked;
        this.steps = steps;
    }

    /** Views {@code raw [rows, steps * perStep]} as {@code [rows, steps, perStep]}. */
    static StepParameters of(SameDiff sd, SDVariable raw, int steps, int perStep) {
        return new StepParameters(sd.reshape(raw, -1, steps, perStep), steps);
    }

    /** Fields {@code [from, to)} of every step: shape {@code [rows, steps, to - from]}. */
    SDVariable field(int from, int to) {
        return blocked.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(from, to));
    }

    /** Splits {@code [rows, steps, n]} into one {@code [rows, n]} variable per step (one op). */
    SDVariable[] perStep(SameDiff sd, SDVariable fields) {
        return sd.unstack(fields, 1, steps);
    }

    /** A global parameter row {@code [1, n]} in the default floating-point type. */
    static SDVariable globalVariable(SameDiff sd, String name, double[] values) {
        INDArray arr = Nd4j.create(values, new long[] {1, values.length}, Nd4j.defaultFloatingPointType());
        return sd.var(name, arr);
    }

    /** {@code n} draws of N(0, scale^2). */
    static double[] gaussian(Random rng, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian() * scale;
        }
        return v;
    }
}
