package org.nf4j.flows;

import java.util.Random;
import org.nd4j.autodiff.samediff.NameScope;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nf4j.nn.Mlp;

/**
 * NICE additive coupling (Dinh, Krueger and Bengio 2014):
 * <pre>
 *   y_A = z_A,   y_B = z_B + m(z_A),   log|det| = 0,   inverse z_B = y_B - m(y_A)
 * </pre>
 * with m a ReLU MLP. With {@code h = floor(d/2)}, parity 0 conditions on the first h coordinates
 * and shifts the rest; parity 1 conditions on the last d - h and shifts the first h, so
 * alternating parities touch every coordinate.
 */
public final class NiceCoupling implements Flow {
    private final SameDiff sd;
    private final String name;
    private final int dim;
    private final int split;
    private final boolean conditionOnFirst;
    private final Mlp shift;

    /**
     * @param hidden hidden layer sizes of the shift network m
     * @param gain   scale of m's initial weights (see {@link Mlp})
     */
    public NiceCoupling(SameDiff sd, String name, int dim, int parity, int[] hidden, double gain, Random rng) {
        if (dim < 2) {
            throw new IllegalArgumentException("NICE coupling needs dim >= 2, got " + dim);
        }
        this.sd = sd;
        this.name = name;
        this.dim = dim;
        this.split = dim / 2;
        this.conditionOnFirst = parity % 2 == 0;
        int in = conditionOnFirst ? split : dim - split;
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = in;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = dim - in;
        this.shift = new Mlp(sd, name + "/m", sizes, gain, rng);
    }

    @Override
    public int dim() {
        return dim;
    }

    private SDVariable first(SDVariable z) {
        return z.get(SDIndex.all(), SDIndex.interval(0, split));
    }

    private SDVariable last(SDVariable z) {
        return z.get(SDIndex.all(), SDIndex.interval(split, dim));
    }

    private SDVariable couple(SDVariable z, double sign) {
        try (NameScope ns = sd.withNameScope(name)) {
            SDVariable a = conditionOnFirst ? first(z) : last(z);
            SDVariable b = conditionOnFirst ? last(z) : first(z);
            SDVariable m = shift.apply(sd, a);
            SDVariable bOut = sign > 0 ? b.add(m) : b.sub(m);
            return conditionOnFirst ? sd.concat(1, a, bOut) : sd.concat(1, bOut, a);
        }
    }

    @Override
    public SDVariable transform(SDVariable z, LogDetAccumulator logDet) {
        return couple(z, 1.0);
    }

    @Override
    public boolean hasInverse() {
        return true;
    }

    @Override
    public SDVariable inverse(SDVariable y) {
        return couple(y, -1.0);
    }
}
