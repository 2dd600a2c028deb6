package org.nf4j.nn;

import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A multilayer perceptron with ReLU hidden layers and a linear output layer, as SameDiff variables
 * {@code <name>/W<i>} and {@code <name>/b<i>}. Weights are drawn N(0, gain^2 * 2 / fan_in)
 * (He initialisation scaled by {@code gain}); biases start at zero. Each layer is one fused
 * {@code xw+b} op (SameDiff pays per op, not per flop).
 */
public final class Mlp {
    private final SDVariable[] weights;
    private final SDVariable[] biases;

    /**
     * @param sizes layer sizes, input first and output last (at least two)
     * @param gain  multiplies the He standard deviation of every weight
     */
    public Mlp(SameDiff sd, String name, int[] sizes, double gain, Random rng) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least an input and an output size");
        }
        int layers = sizes.length - 1;
        weights = new SDVariable[layers];
        biases = new SDVariable[layers];
        for (int l = 0; l < layers; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double std = gain * Math.sqrt(2.0 / in);
            double[] w = new double[in * out];
            for (int i = 0; i < w.length; i++) {
                w[i] = rng.nextGaussian() * std;
            }
            weights[l] = sd.var(name + "/W" + l, array(w, in, out));
            biases[l] = sd.var(name + "/b" + l, Nd4j.zeros(Nd4j.defaultFloatingPointType(), out));
        }
    }

    private static INDArray array(double[] v, long rows, long cols) {
        return Nd4j.create(v, new long[] {rows, cols}, Nd4j.defaultFloatingPointType());
    }

    /** Applies the network to {@code x [batch, sizes[0]]}. */
    public SDVariable apply(SameDiff sd, SDVariable x) {
        SDVariable h = x;
        for (int l = 0; l < weights.length; l++) {
            h = sd.nn.linear(h, weights[l], biases[l]);
            if (l < weights.length - 1) {
                h = sd.nn.relu(h, 0.0);
            }
        }
        return h;
    }
}
