package org.nf4j.nn;

import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A multilayer perceptron with ReLU hidden layers and a linear output layer, as SameDiff variables
 * {@code <name>/<i>/W} and {@code <name>/<i>/b}. Weights are drawn N(0, gain^2 * 2 / fan_in)
 * (He initialisation scaled by {@code gain}); biases start at zero. Each layer is one fused
 * {@code xw+b} op (SameDiff pays per op, not per flop).
 */
public final class Mlp {
    private final DenseLayer[] layers;

    /**
     * @param sizes layer sizes, input first and output last (at least two)
     * @param gain  multiplies the He standard deviation of every weight
     */
    public Mlp(SameDiff sd, String name, int[] sizes, double gain, Random rng) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least an input and an output size");
        }
        layers = new DenseLayer[sizes.length - 1];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = new DenseLayer(sd, name + "/" + l, sizes[l], sizes[l + 1], gain * Math.sqrt(2.0 / sizes[l]), rng);
        }
    }

    /** Applies the network to {@code x [batch, sizes[0]]}. */
    public SDVariable apply(SameDiff sd, SDVariable x) {
        SDVariable h = x;
        for (int l = 0; l < layers.length; l++) {
            h = layers[l].apply(sd, h);
            if (l < layers.length - 1) {
                h = Relu.of(sd, h);
            }
        }
        return h;
    }
}
