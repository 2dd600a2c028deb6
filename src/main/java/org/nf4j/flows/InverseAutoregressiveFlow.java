package org.nf4j.flows;

import java.util.Arrays;
import java.util.Random;
import org.nd4j.autodiff.samediff.NameScope;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nf4j.nn.Relu;
import org.nf4j.nn.StableMath;

/**
 * Inverse autoregressive flow (Kingma, Salimans, Jozefowicz, Chen, Sutskever and Welling 2016,
 * "Improving variational inference with inverse autoregressive flow"), K steps of
 * <pre>
 *   [m, s] = MADE_k(z, c_k),   sigma = sigmoid(s),   f_k(z) = sigma * z + (1 - sigma) * m
 *   log|det df_k/dz| = sum_i log sigma_i                (m_i, s_i depend on z_&lt;i only: J is triangular)
 * </pre>
 * ({@link Scale#GATED}), or with the scale widened to c sigma, c = 2 ({@link Scale#WIDE}),
 * f_k(z) = m + c sigma * (z - m) and log|det| = sum_i log(c sigma_i); either way
 * with the order of the coordinates reversed between steps. MADE_k ({@link Made}) is a ReLU network
 * whose weights are masked so that output i sees only the inputs before i; its first hidden layer
 * also gets a context c_k. Amortised (the DLGM), c_k comes from the encoder: the raw parameters
 * {@code [batch, K * H_1]} are the encoder's hidden layer through a linear head (K contexts, one per
 * step, each the encoder state seen through that step's own weights, as in Kingma et al.'s IAF where
 * h is an extra output of the encoder). Global (the 2-D toy, which has no encoder) there is no
 * context: the MADE sees z only. sigma is in (0, 1) for any parameters, so every step is invertible;
 * s starts at a forget-gate bias of {@value #FORGET_BIAS} (sigma ~ 0.88: each step starts close to
 * z, Kingma et al.'s advice). The inverse solves z from y = f_k(z) coordinate by coordinate: d passes
 * of z &lt;- m(z) + (y - m(z)) / sigma(z), starting at z = y, are exact (after pass t the first t
 * coordinates in the order are).
 *
 * <p>Cost: the masks multiply the stacked weights once per update for all K steps
 * ({@link StepNetworks}); the reversal between steps is folded into the masks (odd steps use the
 * reversed order, and one reversal at the end when K is even), so it costs no op in the chain. A step
 * is 2L + 5 ops for L hidden layers, one more with a context.
 */
public final class InverseAutoregressiveFlow implements Flow {
    /** The initial bias of s in the gated form. */
    static final double FORGET_BIAS = 2.0;

    /** The range of a step's scale, and where it starts. */
    public enum Scale {
        /**
         * sigma in (0, 1), s starting at the forget-gate bias {@value #FORGET_BIAS} (sigma ~ 0.88): Kingma
         * et al.'s numerically stable form. Every step shrinks volume, which on a ring-shaped target (the 2-D
         * U1) keeps the flow at the best Gaussian (src/site/markdown/flows.md).
         */
        GATED(1.0, FORGET_BIAS),
        /** 2 sigma in (0, 2), s starting at 0 (scale 1): a step can also expand volume. */
        WIDE(2.0, 0.0);

        /** The largest scale, c. */
        private final double max;
        /** The initial bias of s. */
        private final double bias;

        Scale(double max, double bias) {
            this.max = max;
            this.bias = bias;
        }
    }

    private final SameDiff sd;
    private final String name;
    private final int dim;
    private final int steps;
    private final int hiddenLayers;
    private final Scale scale;
    private final StepNetworks networks;
    /** c_k [rows, H_1] per step, or null. */
    private final SDVariable[] context;
    /** The reversal permutation (see {@link Matrices#reversal}) when K is even, else null. */
    private final SDVariable reversal;

    /** Two hidden layers of max(64, 8 d) units: 64 in the 2-D toy, 320 for d = 40 (van den Berg et al.'s MADE width). */
    public static int[] defaultHidden(int dim) {
        int width = Math.max(64, 8 * dim);
        return new int[] {width, width};
    }

    /** Raw numbers per example of K amortised steps: one context of H_1 numbers per step. */
    public static int contextSize(int steps, int[] hidden) {
        return steps * hidden[0];
    }

    /**
     * Global, without a context, initialised from {@code rng}.
     *
     * @param hidden hidden layer sizes of every MADE (at least one layer)
     * @param gain   initial weights are N(0, gain^2 * 2 / fan_in), fan_in counting live weights only
     */
    public static InverseAutoregressiveFlow global(SameDiff sd, String name, int dim, int steps, int[] hidden,
                                                   double gain, Random rng) {
        return global(sd, name, Scale.GATED, dim, steps, hidden, gain, rng);
    }

    /** Global with the given scale range (see {@link #global(SameDiff, String, int, int, int[], double, Random)}). */
    public static InverseAutoregressiveFlow global(SameDiff sd, String name, Scale scale, int dim, int steps, int[] hidden,
                                                   double gain, Random rng) {
        return new InverseAutoregressiveFlow(sd, name, scale, dim, steps, hidden, gain, null, 1, rng);
    }

    /** With the contexts {@code raw [batch, contextSize(steps, hidden)]}; the MADEs' weights are global. */
    public static InverseAutoregressiveFlow amortised(SameDiff sd, String name, int dim, int steps, int[] hidden,
                                                      double gain, SDVariable raw, Random rng) {
        return amortised(sd, name, Scale.GATED, dim, steps, hidden, gain, raw, rng);
    }

    /** Amortised with the given scale range. */
    public static InverseAutoregressiveFlow amortised(SameDiff sd, String name, Scale scale, int dim, int steps,
                                                      int[] hidden, double gain, SDVariable raw, Random rng) {
        return new InverseAutoregressiveFlow(sd, name, scale, dim, steps, hidden, gain, raw, 1, rng);
    }

    /** {@code groups} independent copies of the global flow (see {@link FlowKind#grouped}). */
    public static InverseAutoregressiveFlow grouped(SameDiff sd, String name, Scale scale, int dim, int steps,
                                                    int[] hidden, double gain, int groups, Random rng) {
        return new InverseAutoregressiveFlow(sd, name, scale, dim, steps, hidden, gain, null, groups, rng);
    }

    private InverseAutoregressiveFlow(SameDiff sd, String name, Scale scale, int dim, int steps, int[] hidden, double gain,
                                      SDVariable raw, int groups, Random rng) {
        if (dim < 2 || steps < 1 || hidden.length < 1) {
            throw new IllegalArgumentException("IAF needs dim >= 2, steps >= 1 and a hidden layer, got dim=" + dim
                    + ", steps=" + steps + ", hidden=" + Arrays.toString(hidden));
        }
        this.sd = sd;
        this.name = name;
        this.dim = dim;
        this.steps = steps;
        this.hiddenLayers = hidden.length;
        this.scale = scale;
        boolean withContext = raw != null;
        int layers = hidden.length + 2;
        int[] ins = new int[layers];
        int[] outs = new int[layers];
        for (int l = 0; l < layers; l++) {
            ins[l] = l == 0 ? dim : hidden[Math.min(l, hidden.length) - 1];
            outs[l] = l < hidden.length ? hidden[l] : dim;
        }
        int[][] stepDegrees = {Made.inputDegrees(dim, false), Made.inputDegrees(dim, true)};
        SDVariable[] used = new SDVariable[layers];
        SDVariable[] biases = new SDVariable[layers];
        for (int l = 0; l < layers; l++) {
            int layer = l;
            int[] from = l == 0 ? null : Made.hiddenDegrees(ins[l], dim, withContext);
            int[] to = l < hidden.length ? Made.hiddenDegrees(outs[l], dim, withContext) : null;
            StepNetworks.Live live = (k, i, j) -> layer == 0 ? Made.hidden(stepDegrees[k % 2][i], to[j])
                    : to != null ? Made.hidden(from[i], to[j]) : Made.output(from[i], stepDegrees[k % 2][j]);
            String suffix = l < hidden.length ? Integer.toString(l) : l == hidden.length ? "m" : "s";
            SDVariable w = StepNetworks.variable(sd, name + "/W" + suffix,
                    StepNetworks.initialWeights(steps, ins[l], outs[l], gain, live, rng), groups);
            biases[l] = l == layers - 1
                    ? sd.var(name + "/b" + suffix, Nd4j.valueArrayOf(new long[] {(long) groups * steps, dim}, scale.bias,
                            Nd4j.defaultFloatingPointType()))
                    : StepNetworks.zeroBiases(sd, name + "/b" + suffix, steps, outs[l], groups);
            used[l] = w.mul(sd.constant(name + "/mask" + suffix, Groups.tile(mask(ins[l], outs[l], live), groups)));
        }
        this.networks = new StepNetworks(sd, steps, groups, used, biases, ins, outs);
        this.reversal = steps % 2 == 0 ? sd.constant(name + "/reversal", Matrices.array(Matrices.reversal(dim))) : null;
        if (withContext) {
            try (NameScope ns = sd.withNameScope(name)) {
                StepParameters p = StepParameters.of(sd, raw, steps, hidden[0]);
                this.context = p.perStep(p.field(0, hidden[0]), hidden[0]);
            }
        } else {
            this.context = null;
        }
    }

    /** The 0/1 mask {@code [K, in, out]} of the live weights. */
    private INDArray mask(int in, int out, StepNetworks.Live live) {
        double[] v = new double[steps * in * out];
        for (int k = 0; k < steps; k++) {
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < out; j++) {
                    v[(k * in + i) * out + j] = live.test(k, i, j) ? 1.0 : 0.0;
                }
            }
        }
        return Nd4j.create(v, new long[] {steps, in, out}, Nd4j.defaultFloatingPointType());
    }

    @Override
    public int dim() {
        return dim;
    }

    /** m and s of step k at {@code v}. */
    private SDVariable[] made(SDVariable v, int k) {
        SDVariable h = networks.linear(v, 0, k);
        if (context != null) {
            h = h.add(context[k]);
        }
        h = Relu.of(sd, h);
        for (int l = 1; l < hiddenLayers; l++) {
            h = Relu.of(sd, networks.linear(h, l, k));
        }
        return new SDVariable[] {networks.linear(h, hiddenLayers, k), networks.linear(h, hiddenLayers + 1, k)};
    }

    /** A step's scale from its s: sigma, or c sigma. */
    private SDVariable stepScale(SDVariable s) {
        SDVariable sigma = sd.nn.sigmoid(s);
        return scale == Scale.GATED ? sigma : sigma.mul(scale.max);
    }

    @Override
    public SDVariable transform(SDVariable z, LogDetAccumulator logDet) {
        try (NameScope ns = sd.withNameScope(name)) {
            SDVariable v = networks.view(z, dim);
            SDVariable[] s = new SDVariable[steps];
            for (int k = 0; k < steps; k++) {
                SDVariable[] ms = made(v, k);
                s[k] = ms[1];
                v = v.sub(ms[0]).mul(stepScale(ms[1])).add(ms[0]);
            }
            // sum of log sigmoid(s) = -sum softplus(-s), over all steps and coordinates (the last axis)
            SDVariable logSigma = networks.sumPerRow(StableMath.softplus(sd, networks.concatSteps(s).neg())).neg();
            logDet.addPerExample(scale == Scale.GATED ? logSigma : logSigma.add(steps * dim * Math.log(scale.max)));
            SDVariable out = networks.unview(v, dim);
            return steps % 2 == 0 ? out.mmul(reversal) : out;
        }
    }

    @Override
    public boolean hasInverse() {
        return true;
    }

    @Override
    public SDVariable inverse(SDVariable y) {
        try (NameScope ns = sd.withNameScope(name + "/inverse")) {
            SDVariable v = networks.view(steps % 2 == 0 ? y.mmul(reversal) : y, dim);
            for (int k = steps - 1; k >= 0; k--) {
                SDVariable x = v;
                for (int pass = 0; pass < dim; pass++) {
                    SDVariable[] ms = made(x, k);
                    x = v.sub(ms[0]).div(stepScale(ms[1])).add(ms[0]);
                }
                v = x;
            }
            return networks.unview(v, dim);
        }
    }
}
