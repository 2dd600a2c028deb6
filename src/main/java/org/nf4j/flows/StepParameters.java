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
    private final SameDiff sd;
    private final SDVariable raw;
    private final SDVariable blocked;
    private final int steps;
    private final int perStep;

    private StepParameters(SameDiff sd, SDVariable raw, int steps, int perStep) {
        this.sd = sd;
        this.raw = raw;
        this.steps = steps;
        this.perStep = perStep;
        this.blocked = steps == 1 ? null : sd.reshape(raw, -1, steps, perStep);
    }

    /** Views {@code raw [rows, steps * perStep]} as {@code [rows, steps, perStep]}. */
    static StepParameters of(SameDiff sd, SDVariable raw, int steps, int perStep) {
        return new StepParameters(sd, raw, steps, perStep);
    }

    /**
     * Fields {@code [from, to)} of every step: shape {@code [rows, steps, to - from]}.
     *
     * <p>A single step is cut out by a product with a constant 0/1 selection matrix instead of a
     * strided slice: SameDiff 1.0.0-M2.1's strided_slice backward writes the gradient of a slice of a
     * {@code [1, 1, n]} array at offset 0 (caught by the contract test for global K = 1 flows).
     */
    SDVariable field(int from, int to) {
        if (steps > 1) {
            return blocked.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(from, to));
        }
        double[][] select = new double[perStep][to - from];
        for (int i = from; i < to; i++) {
            select[i][i - from] = 1.0;
        }
        INDArray s = Nd4j.create(select).castTo(raw.dataType());
        return sd.reshape(raw.mmul(sd.constant(s)), -1, 1, to - from);
    }

    /** Splits {@code [rows, steps, width]} into one {@code [rows, width]} variable per step (one op). */
    SDVariable[] perStep(SDVariable fields, int width) {
        if (steps == 1) {
            // unstack of a single slice fails in SameDiff's backward pass
            return new SDVariable[] {sd.reshape(fields, -1, width)};
        }
        return sd.unstack(fields, 1, steps);
    }

    /** A global parameter row {@code [1, n]} in the default floating-point type. */
    static SDVariable globalVariable(SameDiff sd, String name, double[] values) {
        INDArray arr = Nd4j.create(values, new long[] {1, values.length}, Nd4j.defaultFloatingPointType());
        return sd.var(name, arr);
    }

    /**
     * The parameters of {@code groups} independent copies of a global row: {@code [groups, n]}, every
     * row starting at {@code values} (see {@link FlowKind#grouped}).
     */
    static SDVariable groupedVariable(SameDiff sd, String name, double[] values, int groups) {
        return sd.var(name, Groups.tile(Nd4j.create(values, new long[] {1, values.length}, Nd4j.defaultFloatingPointType()), groups));
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
