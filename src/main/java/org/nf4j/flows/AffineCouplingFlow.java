package org.nf4j.flows;

import java.util.Arrays;
import java.util.Random;
import org.nd4j.autodiff.samediff.NameScope;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nf4j.nn.Relu;

/**
 * K affine coupling steps (Dinh, Sohl-Dickstein and Bengio 2017, "Density estimation using Real
 * NVP"), each after a fixed random permutation of the coordinates:
 * <pre>
 *   y_A = z_A,   y_B = z_B * exp(s(z_A)) + t(z_A),   s = 2 tanh(a(z_A))
 *   log|det| = sum_B s,   inverse z_B = (y_B - t(y_A)) * exp(-s(y_A))
 * </pre>
 * NICE ({@link NiceBlock}) with a scale: t is a ReLU network and a is a second output layer on its
 * last hidden layer. The log-scale is bounded, |s| &lt; 2 per coordinate and step (Real NVP bounds
 * it with a tanh too), so a step never scales by more than e^2 whatever its parameters: invertible,
 * and finite for any raw values. The K steps are one block, as NICE's: in the coordinates
 * v_k = s_k C_k^T ({@link FoldedMixings}) the permutations fold into the first and last layer
 * weights, and since a permutation commutes with the coordinate-wise scaling,
 * <pre>
 *   v_k = v_{k-1} * exp(2 tanh(h_k W_s B_k + b_s B_k)) + t_k(v_{k-1} A_k) B_k
 * </pre>
 * (the scale is exp(0) = 1 on the coordinates B_k does not reach). That is why the mixings must be
 * permutations: a rotation does not commute with a coordinate-wise product. A step costs 2L + 7 ops
 * for L hidden layers; the log-determinants of all K steps are summed in three ops at the end.
 * Variables: the shift network {@code <name>/W<l>}, {@code <name>/b<l>} as NICE's, and the scale
 * layer {@code <name>/Ws}, {@code <name>/bs}.
 */
public final class AffineCouplingFlow implements Flow {
    /** |s| &lt; SCALE_BOUND. */
    static final double SCALE_BOUND = 2.0;

    private final SameDiff sd;
    private final String name;
    private final int dim;
    private final int steps;
    private final int hiddenLayers;
    private final FoldedMixings folded;
    private final StepNetworks networks;

    /**
     * K steps with random permutations (consecutive steps never change the same coordinates, see
     * {@link NiceFlow#permutation}) for {@code groups} independent copies ({@code groups} = 1: global).
     *
     * @param hidden hidden layer sizes of every coupling network
     * @param gain   initial weights are N(0, gain^2 * 2 / fan_in) (He scaled by gain)
     */
    public static AffineCouplingFlow build(SameDiff sd, String name, int dim, int steps, int[] hidden, double gain,
                                           int groups, Random rng) {
        if (steps < 1) {
            throw new IllegalArgumentException("an affine coupling flow needs at least one step, got " + steps);
        }
        double[][][] permutations = new double[steps][][];
        for (int k = 0; k < steps; k++) {
            permutations[k] = NiceFlow.permutation(dim, k, rng);
        }
        return new AffineCouplingFlow(sd, name, permutations, hidden, gain, groups, rng);
    }

    /** With the given permutation matrices P_k [d][d] (applied as row vector times P_k). */
    public AffineCouplingFlow(SameDiff sd, String name, double[][][] permutations, int[] hidden, double gain, int groups,
                              Random rng) {
        for (double[][] p : permutations) {
            requirePermutation(p);
        }
        this.sd = sd;
        this.name = name;
        this.folded = new FoldedMixings(sd, name, permutations, groups);
        this.dim = folded.dim();
        this.steps = folded.steps();
        this.hiddenLayers = hidden.length;
        int layers = hidden.length + 1;
        int[] sizes = NiceBlock.sizes(dim, hidden);
        // the shift network's layers 0 .. L, then the scale layer beside its last one
        int[] ins = Arrays.copyOf(Arrays.copyOf(sizes, layers), layers + 1);
        int[] outs = Arrays.copyOf(Arrays.copyOfRange(sizes, 1, layers + 1), layers + 1);
        ins[layers] = sizes[layers - 1];
        outs[layers] = dim;
        SDVariable[] used = new SDVariable[layers + 1];
        SDVariable[] biases = new SDVariable[layers + 1];
        for (int l = 0; l <= layers; l++) {
            int layer = Math.min(l, layers - 1);
            String suffix = l < layers ? Integer.toString(l) : "s";
            SDVariable w = StepNetworks.variable(sd, name + "/W" + suffix,
                    StepNetworks.initialWeights(steps, ins[l], outs[l], gain, folded.live(layer, layers), rng), groups);
            biases[l] = StepNetworks.zeroBiases(sd, name + "/b" + suffix, steps, outs[l], groups);
            used[l] = layer == 0 ? folded.first(w) : w;
            if (layer == layers - 1) {
                used[l] = folded.last(used[l]);
                biases[l] = folded.lastBias(biases[l]);
            }
        }
        this.networks = new StepNetworks(sd, steps, groups, used, biases, ins, outs);
    }

    private static void requirePermutation(double[][] p) {
        int d = p.length;
        int[] columnOnes = new int[d];
        for (double[] row : p) {
            int ones = 0;
            for (int j = 0; j < d; j++) {
                if (row[j] == 1.0) {
                    ones++;
                    columnOnes[j]++;
                } else if (row[j] != 0.0) {
                    ones = -d;
                }
            }
            if (ones != 1) {
                throw new IllegalArgumentException("an affine coupling flow mixes by permutations only");
            }
        }
        for (int c : columnOnes) {
            if (c != 1) {
                throw new IllegalArgumentException("an affine coupling flow mixes by permutations only");
            }
        }
    }

    /** The step-k permutation matrix. */
    public double[][] permutation(int k) {
        return folded.mixing(k);
    }

    /** Which coordinates (after the permutation) step k conditions on. */
    boolean[] conditioning(int k) {
        return folded.conditioning(k);
    }

    @Override
    public int dim() {
        return dim;
    }

    /** t_k and a_k (s = 2 tanh(a)) at {@code v}, in the folded coordinates. */
    private SDVariable[] coupling(SDVariable v, int k) {
        SDVariable h = v;
        for (int l = 0; l < hiddenLayers; l++) {
            h = Relu.of(sd, networks.linear(h, l, k));
        }
        return new SDVariable[] {networks.linear(h, hiddenLayers, k), sd.math.tanh(networks.linear(h, hiddenLayers + 1, k))};
    }

    @Override
    public SDVariable transform(SDVariable z, LogDetAccumulator logDet) {
        try (NameScope ns = sd.withNameScope(name)) {
            SDVariable v = networks.view(z, dim);
            SDVariable[] tanhs = new SDVariable[steps];
            for (int k = 0; k < steps; k++) {
                SDVariable[] ta = coupling(v, k);
                tanhs[k] = ta[1];
                v = v.mul(sd.math.exp(ta[1].mul(SCALE_BOUND))).add(ta[0]);
            }
            logDet.addPerExample(networks.sumPerRow(networks.concatSteps(tanhs)).mul(SCALE_BOUND));
            return folded.output(networks.unview(v, dim));
        }
    }

    @Override
    public boolean hasInverse() {
        return true;
    }

    @Override
    public SDVariable inverse(SDVariable y) {
        try (NameScope ns = sd.withNameScope(name + "/inverse")) {
            SDVariable v = networks.view(folded.input(y), dim);
            for (int k = steps - 1; k >= 0; k--) {
                SDVariable[] ta = coupling(v, k);
                v = v.sub(ta[0]).mul(sd.math.exp(ta[1].mul(-SCALE_BOUND)));
            }
            return networks.unview(v, dim);
        }
    }
}
