package org.nf4j.flows;

import java.util.Arrays;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nf4j.nn.Relu;

/**
 * K NICE steps as one block: step k mixes by a fixed orthogonal matrix Q_k (a permutation or a
 * rotation) and then applies an additive coupling with a ReLU MLP m_k,
 * <pre>
 *   t = s_{k-1} Q_k,   s_k = t + m_k(t M_a) M_b,   log|det| = 0
 * </pre>
 * where M_a selects the conditioning coordinates and M_b places the shift on the others (parities
 * alternate between steps exactly as in {@link NiceCoupling}). This is the same function as the
 * step-by-step chain {@link FixedLinear} + {@link NiceCoupling}, but computed with far fewer
 * SameDiff ops: in the coordinates v_k = s_k C_k^T, C_k = Q_1 ... Q_k, the step reads
 * <pre>
 *   v_k = v_{k-1} + m_k(v_{k-1} A_k) B_k,   A_k = C_k M_a,   B_k = M_b C_k^T,   s_K = v_K C_K
 * </pre>
 * so the mixing, the split and the concatenation fold into the first and last layer weights of
 * m_k, once per update outside the chain (one batched product for all K steps; {@link FoldedMixings}). A step in the
 * chain is then 2L + 2 ops for L hidden layers (default 6), against 10 step by step. Parameters are
 * stacked over the K steps ({@code <name>/W<l> [K, in, out]}, {@code <name>/b<l> [K, out]}), so a
 * K-step block has 2(L + 1) variables instead of 2K(L + 1). Rows of the first weight that meet a
 * masked-out input and columns of the last weight that land on a conditioning coordinate are
 * multiplied by zero: they are inert (initialised to zero and never receive a gradient).
 *
 * <p>The inverse is v_{k-1} = v_k - m_k(v_k A_k) B_k (the conditioning coordinates do not move,
 * since M_b M_a = 0).
 */
public final class NiceBlock implements Flow {
    private final SameDiff sd;
    private final int dim;
    private final int steps;
    private final FoldedMixings folded;
    private final StepNetworks networks;
    private final int layers;

    /**
     * @param mixings the K fixed orthogonal matrices Q_k [d][d], applied as row vector times Q_k
     * @param hidden  hidden layer sizes of every shift network
     * @param gain    the initial weights are N(0, gain^2 * 2 / fan_in) (He scaled by gain)
     */
    public NiceBlock(SameDiff sd, String name, double[][][] mixings, int[] hidden, double gain, Random rng) {
        this(sd, name, mixings, hidden, gain, 1, rng);
    }

    /**
     * {@code groups} independent copies of the block (see {@link FlowKind#grouped}), for rows ordered
     * by group with the same number of rows per group: the variables are {@code <name>/W<l>
     * [groups * K, in, out]} and {@code <name>/b<l> [groups * K, out]}, every group starting at the
     * values one block would get from {@code rng}, and step k of all groups runs as batched products
     * on the rows viewed as {@code [groups, batch, d]}.
     */
    public NiceBlock(SameDiff sd, String name, double[][][] mixings, int[] hidden, double gain, int groups, Random rng) {
        this.sd = sd;
        this.folded = new FoldedMixings(sd, name, mixings, groups);
        this.steps = folded.steps();
        this.dim = folded.dim();
        this.layers = hidden.length + 1;
        int[] sizes = sizes(dim, hidden);
        SDVariable[] w = new SDVariable[layers];
        SDVariable[] bias = new SDVariable[layers];
        for (int l = 0; l < layers; l++) {
            w[l] = StepNetworks.variable(sd, name + "/W" + l,
                    StepNetworks.initialWeights(steps, sizes[l], sizes[l + 1], gain, folded.live(l, layers), rng), groups);
            bias[l] = StepNetworks.zeroBiases(sd, name + "/b" + l, steps, sizes[l + 1], groups);
        }
        SDVariable[] used = w.clone();
        SDVariable[] usedBias = bias.clone();
        used[0] = folded.first(w[0]);
        used[layers - 1] = folded.last(used[layers - 1]);
        usedBias[layers - 1] = folded.lastBias(bias[layers - 1]);
        this.networks = new StepNetworks(sd, steps, groups, used, usedBias, Arrays.copyOf(sizes, layers),
                Arrays.copyOfRange(sizes, 1, layers + 1));
    }

    /** Layer sizes of a coupling network on d coordinates: d, hidden..., d. */
    static int[] sizes(int dim, int[] hidden) {
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = dim;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[hidden.length + 1] = dim;
        return sizes;
    }

    /** The step-k fixed mixing matrix Q_k. */
    public double[][] mixing(int k) {
        return folded.mixing(k);
    }

    /** Which coordinates (after mixing) step k conditions on: the first d/2 for even k, the rest for odd k. */
    boolean[] conditioning(int k) {
        return folded.conditioning(k);
    }

    /** Whether step k conditions on coordinate i (after mixing) of a d-dimensional input. */
    static boolean conditions(int i, int dim, int k) {
        return FoldedMixings.conditions(i, dim, k);
    }

    @Override
    public int dim() {
        return dim;
    }

    private SDVariable shift(SDVariable v, int k) {
        SDVariable h = v;
        for (int l = 0; l < layers; l++) {
            h = networks.linear(h, l, k);
            if (l < layers - 1) {
                h = Relu.of(sd, h);
            }
        }
        return h;
    }

    @Override
    public SDVariable transform(SDVariable z, LogDetAccumulator logDet) {
        SDVariable v = networks.view(z, dim);
        for (int k = 0; k < steps; k++) {
            v = v.add(shift(v, k));
        }
        return folded.output(networks.unview(v, dim));
    }

    @Override
    public boolean hasInverse() {
        return true;
    }

    @Override
    public SDVariable inverse(SDVariable y) {
        SDVariable v = networks.view(folded.input(y), dim);
        for (int k = steps - 1; k >= 0; k--) {
            v = v.sub(shift(v, k));
        }
        return networks.unview(v, dim);
    }
}
