package org.nf4j.nn;

import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An affine layer x W + b as one fused SameDiff op, with W ~ N(0, std^2) and b = 0, as variables
 * {@code <name>/W} and {@code <name>/b}.
 */
public final class DenseLayer {
    private final SDVariable w;
    private final SDVariable b;

    public DenseLayer(SameDiff sd, String name, int in, int out, double std, Random rng) {
        double[] v = new double[in * out];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian() * std;
        }
        this.w = sd.var(name + "/W", Nd4j.create(v, new long[] {in, out}, Nd4j.defaultFloatingPointType()));
        this.b = sd.var(name + "/b", Nd4j.zeros(Nd4j.defaultFloatingPointType(), out));
    }

    /** He initialisation, N(0, 2 / in), for layers followed by a ReLU. */
    public static DenseLayer he(SameDiff sd, String name, int in, int out, Random rng) {
        return new DenseLayer(sd, name, in, out, Math.sqrt(2.0 / in), rng);
    }

    /** Glorot-style N(0, 1 / in) for linear output layers. */
    public static DenseLayer linear(SameDiff sd, String name, int in, int out, Random rng) {
        return new DenseLayer(sd, name, in, out, Math.sqrt(1.0 / in), rng);
    }

    public SDVariable apply(SameDiff sd, SDVariable x) {
        return sd.nn.linear(x, w, b);
    }
}
