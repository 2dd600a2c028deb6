package org.nf4j.flows;

import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The affine layers of K per-step networks with global parameters, for {@code groups} independent
 * copies of them (see {@link FlowKind#grouped}; one group is the plain global flow). Layer l's
 * parameters are stacked over the steps, {@code W [groups * K, in, out]} and {@code b [groups * K,
 * out]}, so K steps cost two variables per layer, and whatever depends only on them (a mask, a fold
 * with constant matrices) is computed for all K steps in one op before the chain. Grouped, the rows
 * (ordered by group, the same number per group) are viewed as {@code [groups, rows, d]} and step k
 * of every group is one batched product.
 */
final class StepNetworks {
    private final SameDiff sd;
    private final int groups;
    private final SDVariable[][] weights;
    private final SDVariable[][] biases;

    /**
     * @param weights layer l's weights as used, {@code [groups * K, in_l, out_l]} (variables, or
     *                products of them with constants)
     * @param biases  layer l's biases as used, {@code [groups * K, out_l]}
     */
    StepNetworks(SameDiff sd, int steps, int groups, SDVariable[] weights, SDVariable[] biases, int[] ins, int[] outs) {
        this.sd = sd;
        this.groups = groups;
        this.weights = new SDVariable[weights.length][];
        this.biases = new SDVariable[weights.length][];
        for (int l = 0; l < weights.length; l++) {
            if (groups == 1) {
                this.weights[l] = perStep(sd, weights[l], steps, 0, ins[l], outs[l]);
                this.biases[l] = perStep(sd, biases[l], steps, 0, outs[l]);
            } else {
                // step k of every group: [groups, in, out] and [groups, 1, out]
                this.weights[l] = perStep(sd, sd.reshape(weights[l], groups, steps, ins[l], outs[l]), steps, 1,
                        groups, ins[l], outs[l]);
                this.biases[l] = perStep(sd, sd.reshape(biases[l], groups, steps, 1, outs[l]), steps, 1, groups, 1, outs[l]);
            }
        }
    }

    /** Splits the K steps along {@code axis} (one op; a single step by a reshape to {@code shape}). */
    private static SDVariable[] perStep(SameDiff sd, SDVariable stacked, int steps, int axis, long... shape) {
        if (steps == 1) {
            // unstack of a single slice fails in SameDiff's backward pass
            return new SDVariable[] {sd.reshape(stacked, shape)};
        }
        return sd.unstack(stacked, axis, steps);
    }

    /** A variable holding {@code groups} copies of per-step values {@code [K, ...]}: {@code [groups * K, ...]}. */
    static SDVariable variable(SameDiff sd, String name, INDArray perStep, int groups) {
        return sd.var(name, Groups.tile(perStep, groups));
    }

    /** A variable of zero biases {@code [groups * K, out]}. */
    static SDVariable zeroBiases(SameDiff sd, String name, int steps, int out, int groups) {
        return sd.var(name, Nd4j.zeros(Nd4j.defaultFloatingPointType(), (long) groups * steps, out));
    }

    /**
     * Initial weights {@code [K, in, out]}: N(0, gain^2 * 2 / fanIn) where {@code live(k, i, j)}, zero
     * elsewhere, drawn step by step, row by row; fanIn is the largest number of live inputs of an output.
     */
    static INDArray initialWeights(int steps, int in, int out, double gain, Live live, Random rng) {
        double[] v = new double[steps * in * out];
        for (int k = 0; k < steps; k++) {
            int fanIn = 1;
            for (int j = 0; j < out; j++) {
                int n = 0;
                for (int i = 0; i < in; i++) {
                    n += live.test(k, i, j) ? 1 : 0;
                }
                fanIn = Math.max(fanIn, n);
            }
            double std = gain * Math.sqrt(2.0 / fanIn);
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < out; j++) {
                    v[(k * in + i) * out + j] = live.test(k, i, j) ? rng.nextGaussian() * std : 0.0;
                }
            }
        }
        return Nd4j.create(v, new long[] {steps, in, out}, Nd4j.defaultFloatingPointType());
    }

    /** Which weights of step k are live; the others start at zero and are masked out. */
    @FunctionalInterface
    interface Live {
        boolean test(int step, int in, int out);
    }

    /** The rows of a grouped flow viewed as {@code [groups, rows, d]} (unchanged with one group). */
    SDVariable view(SDVariable z, int dim) {
        return groups == 1 ? z : sd.reshape(z, groups, -1, dim);
    }

    /** The inverse of {@link #view}: {@code [groups * rows, d]}. */
    SDVariable unview(SDVariable v, int dim) {
        return groups == 1 ? v : sd.reshape(v, -1, dim);
    }

    /** Per-step values ({@code [rows, n]}, grouped {@code [groups, rows, n]}) side by side along the last axis. */
    SDVariable concatSteps(SDVariable[] perStep) {
        return perStep.length == 1 ? perStep[0] : sd.concat(groups == 1 ? 1 : 2, perStep);
    }

    /** The sum over the last axis, one number per row: {@code [groups * rows]}. */
    SDVariable sumPerRow(SDVariable x) {
        return groups == 1 ? x.sum(1) : sd.reshape(x.sum(2), -1);
    }

    /** Layer l of step k applied to {@code h} ({@code [rows, in]}, grouped {@code [groups, rows, in]}). */
    SDVariable linear(SDVariable h, int layer, int k) {
        return groups == 1 ? sd.nn.linear(h, weights[layer][k], biases[layer][k])
                : sd.mmul(h, weights[layer][k]).add(biases[layer][k]);
    }
}
