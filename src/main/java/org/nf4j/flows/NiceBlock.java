package org.nf4j.flows;

import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
 * m_k, once per update outside the chain (one batched product for all K steps). A step in the
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
    private final double[][][] mixings;
    private final SDVariable[][] weights;
    private final SDVariable[][] biases;
    private final SDVariable total;
    private final SDVariable totalT;
    private final int groups;

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
        this.groups = groups;
        this.steps = mixings.length;
        this.dim = mixings[0].length;
        if (dim < 2) {
            throw new IllegalArgumentException("NICE coupling needs dim >= 2, got " + dim);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("a NICE flow needs at least one step, got " + steps);
        }
        this.mixings = mixings;
        int layers = hidden.length + 1;
        int[] sizes = new int[layers + 1];
        sizes[0] = dim;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[layers] = dim;

        double[][][] cumulative = new double[steps][][];
        double[][] c = Matrices.identity(dim);
        for (int k = 0; k < steps; k++) {
            c = Matrices.product(c, mixings[k]);
            cumulative[k] = c;
        }
        double[][][] a = new double[steps][][];
        double[][][] b = new double[steps][][];
        for (int k = 0; k < steps; k++) {
            boolean[] conditioning = conditioning(k);
            a[k] = maskColumns(cumulative[k], conditioning, true);
            b[k] = maskRows(Matrices.transpose(cumulative[k]), conditioning, false);
        }
        this.total = sd.constant(name + "/C", Matrices.array(cumulative[steps - 1]));
        this.totalT = sd.constant(name + "/Ct", Matrices.array(Matrices.transpose(cumulative[steps - 1])));

        SDVariable[] w = new SDVariable[layers];
        SDVariable[] bias = new SDVariable[layers];
        for (int l = 0; l < layers; l++) {
            w[l] = sd.var(name + "/W" + l, Groups.tile(initialWeights(l, sizes, gain, rng), groups));
            bias[l] = sd.var(name + "/b" + l, Nd4j.zeros(Nd4j.defaultFloatingPointType(), (long) groups * steps, sizes[l + 1]));
        }
        SDVariable firstEffective = sd.mmul(sd.constant(name + "/A", Groups.tile(tensor(a), groups)), w[0]);
        SDVariable bConstant = sd.constant(name + "/B", Groups.tile(tensor(b), groups));
        SDVariable lastEffective = sd.mmul(layers == 1 ? firstEffective : w[layers - 1], bConstant);
        SDVariable lastBias = sd.reshape(sd.mmul(sd.reshape(bias[layers - 1], (long) groups * steps, 1, dim),
                bConstant), (long) groups * steps, dim);

        this.weights = new SDVariable[layers][];
        this.biases = new SDVariable[layers][];
        for (int l = 0; l < layers; l++) {
            SDVariable wl = l == layers - 1 ? lastEffective : l == 0 ? firstEffective : w[l];
            SDVariable bl = l == layers - 1 ? lastBias : bias[l];
            if (groups == 1) {
                weights[l] = perStep(wl, sizes[l], sizes[l + 1]);
                biases[l] = perStep(bl, sizes[l + 1]);
            } else {
                // step k of every group: [groups, in, out] and [groups, 1, out]
                weights[l] = perStepOfGroups(sd.reshape(wl, groups, steps, sizes[l], sizes[l + 1]), sizes[l], sizes[l + 1]);
                biases[l] = perStepOfGroups(sd.reshape(bl, groups, steps, 1, sizes[l + 1]), 1, sizes[l + 1]);
            }
        }
    }

    /** The step-k fixed mixing matrix Q_k. */
    public double[][] mixing(int k) {
        return mixings[k];
    }

    /** Which coordinates (after mixing) step k conditions on: the first d/2 for even k, the rest for odd k. */
    boolean[] conditioning(int k) {
        boolean[] m = new boolean[dim];
        for (int i = 0; i < dim; i++) {
            m[i] = conditions(i, dim, k);
        }
        return m;
    }

    /** Whether step k conditions on coordinate i (after mixing) of a d-dimensional input. */
    static boolean conditions(int i, int dim, int k) {
        return k % 2 == 0 ? i < dim / 2 : i >= dim / 2;
    }

    private INDArray initialWeights(int layer, int[] sizes, double gain, Random rng) {
        int in = sizes[layer];
        int out = sizes[layer + 1];
        int layers = sizes.length - 1;
        double[] v = new double[steps * in * out];
        for (int k = 0; k < steps; k++) {
            boolean[] conditioning = conditioning(k);
            int fanIn = layer == 0 ? count(conditioning, true) : in;
            double std = gain * Math.sqrt(2.0 / fanIn);
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < out; j++) {
                    boolean inert = (layer == 0 && !conditioning[i]) || (layer == layers - 1 && conditioning[j]);
                    v[(k * in + i) * out + j] = inert ? 0.0 : rng.nextGaussian() * std;
                }
            }
        }
        return Nd4j.create(v, new long[] {steps, in, out}, Nd4j.defaultFloatingPointType());
    }

    /** Splits {@code [K, ...]} into K slices (one op; a single slice by reshape, see {@link StepParameters}). */
    private SDVariable[] perStep(SDVariable stacked, long... shape) {
        if (steps == 1) {
            return new SDVariable[] {sd.reshape(stacked, shape)};
        }
        return sd.unstack(stacked, 0, steps);
    }

    /** Splits {@code [groups, K, a, b]} into K slices {@code [groups, a, b]}. */
    private SDVariable[] perStepOfGroups(SDVariable stacked, long a, long b) {
        if (steps == 1) {
            return new SDVariable[] {sd.reshape(stacked, groups, a, b)};
        }
        return sd.unstack(stacked, 1, steps);
    }

    @Override
    public int dim() {
        return dim;
    }

    private SDVariable shift(SDVariable v, int k) {
        SDVariable h = v;
        for (int l = 0; l < weights.length; l++) {
            h = groups == 1 ? sd.nn.linear(h, weights[l][k], biases[l][k]) : sd.mmul(h, weights[l][k]).add(biases[l][k]);
            if (l < weights.length - 1) {
                h = Relu.of(sd, h);
            }
        }
        return h;
    }

    @Override
    public SDVariable transform(SDVariable z, LogDetAccumulator logDet) {
        SDVariable v = groups == 1 ? z : sd.reshape(z, groups, -1, dim);
        for (int k = 0; k < steps; k++) {
            v = v.add(shift(v, k));
        }
        return (groups == 1 ? v : sd.reshape(v, -1, dim)).mmul(total);
    }

    @Override
    public boolean hasInverse() {
        return true;
    }

    @Override
    public SDVariable inverse(SDVariable y) {
        SDVariable v = groups == 1 ? y.mmul(totalT) : sd.reshape(y.mmul(totalT), groups, -1, dim);
        for (int k = steps - 1; k >= 0; k--) {
            v = v.sub(shift(v, k));
        }
        return groups == 1 ? v : sd.reshape(v, -1, dim);
    }

    private static int count(boolean[] mask, boolean value) {
        int n = 0;
        for (boolean m : mask) {
            n += m == value ? 1 : 0;
        }
        return n;
    }

    /** m with the columns j where mask[j] != keep set to zero. */
    private static double[][] maskColumns(double[][] m, boolean[] mask, boolean keep) {
        double[][] r = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            r[i] = m[i].clone();
            for (int j = 0; j < mask.length; j++) {
                if (mask[j] != keep) {
                    r[i][j] = 0.0;
                }
            }
        }
        return r;
    }

    /** m with the rows i where mask[i] != keep set to zero. */
    private static double[][] maskRows(double[][] m, boolean[] mask, boolean keep) {
        double[][] r = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            r[i] = mask[i] == keep ? m[i].clone() : new double[m[i].length];
        }
        return r;
    }

    private static INDArray tensor(double[][][] t) {
        int k = t.length;
        int n = t[0].length;
        double[] flat = new double[k * n * n];
        for (int s = 0; s < k; s++) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(t[s][i], 0, flat, (s * n + i) * n, n);
            }
        }
        return Nd4j.create(flat, new long[] {k, n, n}, Nd4j.defaultFloatingPointType());
    }
}
