package org.nf4j.flows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.autodiff.samediff.NameScope;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nf4j.nn.StableMath;

/**
 * A block of K planar flow steps (Rezende and Mohamed 2015, section 4.1):
 * <pre>
 *   f(z) = z + u_hat h(w.z + b),   h = tanh
 *   u_hat = u + (m(w.u) - w.u) w / ||w||^2,   m(x) = -1 + softplus(x)     (so w.u_hat > -1)
 *   log|det df/dz| = log|1 + h'(w.z + b) w.u_hat|
 * </pre>
 * Raw parameters per step are {@code [u (d), w (d), b (1)]}.
 *
 * <p><b>Centred constraint</b> (option): with the paper's m, w.u = 0 gives m = -0.307, so the
 * correction (m(w.u) - w.u) w / ||w||^2 has length ~0.31 / ||w||: it blows up as ||w|| -> 0, which is
 * exactly where a small-initialised amortised head puts w (the flow is then a huge shift along w, and
 * contracts by 0.69 along it). The centred variant m(x) = -1 + softplus(x + ln(e - 1)) has m(0) = 0,
 * so the correction is O(|w.u| / ||w||) <= O(||u||): bounded, and a step with small raw parameters is
 * close to the identity. The invertibility condition w.u_hat = m(w.u) > -1 holds for both. Everything that does not depend on
 * z (u_hat and w.u_hat of all K steps) is computed in batched ops before the sequential chain; the
 * chain itself costs four ops per step with global parameters (one fused {@code xw+b}) and five with
 * amortised ones (on [z, 1], so that the bias rides in the product), and the log-determinants of all K steps are computed from the stacked activations
 * in a few ops at the end.
 */
public final class PlanarFlow implements Flow {
    private final int dim;
    private final int steps;
    private final boolean fused;
    private final SDVariable[] w;
    private final SDVariable[] uHat;
    private final SDVariable[] b;
    private final SDVariable wDotUHat;
    private final SameDiff sd;
    private final String name;

    /** ln(e - 1): softplus(CENTRE) = 1, so the centred m has m(0) = 0. */
    static final double CENTRE = Math.log(Math.E - 1);

    /** Raw numbers per step: u, w and b. */
    public static int paramsPerStep(int dim) {
        return 2 * dim + 1;
    }

    /**
     * Global parameters initialised from {@code rng}: u, w ~ N(0, 1/d), b = 0.
     */
    public static PlanarFlow global(SameDiff sd, String name, int dim, int steps, Random rng) {
        return global(sd, name, dim, steps, initialRaw(dim, steps, rng));
    }

    /**
     * {@code groups} independent copies of {@link #global(SameDiff, String, int, int, Random)}, for
     * rows whose one-hot group is {@code membership [rows, groups]} (see {@link FlowKind#grouped}):
     * the variable {@code <name>/raw} is {@code [groups, n]}, every row starting at the global values.
     */
    public static PlanarFlow grouped(SameDiff sd, String name, int dim, int steps, SDVariable membership, int groups,
                                     Random rng) {
        SDVariable raw = StepParameters.groupedVariable(sd, name + "/raw", initialRaw(dim, steps, rng), groups);
        return amortised(sd, name, dim, steps, membership.mmul(raw), false);
    }

    private static double[] initialRaw(int dim, int steps, Random rng) {
        double[] raw = new double[steps * paramsPerStep(dim)];
        double scale = 1.0 / Math.sqrt(dim);
        for (int k = 0; k < steps; k++) {
            int o = k * paramsPerStep(dim);
            for (int i = 0; i < 2 * dim; i++) {
                raw[o + i] = rng.nextGaussian() * scale;
            }
        }
        return raw;
    }

    /** Global parameters with the given raw values, laid out {@code [u, w, b]} per step. */
    public static PlanarFlow global(SameDiff sd, String name, int dim, int steps, double[] raw) {
        checkLength(raw.length, dim, steps);
        return new PlanarFlow(sd, name, dim, steps, StepParameters.globalVariable(sd, name + "/raw", raw), true, false);
    }

    /** Amortised parameters: {@code raw} of shape {@code [batch, steps * paramsPerStep(dim)]}. */
    public static PlanarFlow amortised(SameDiff sd, String name, int dim, int steps, SDVariable raw) {
        return amortised(sd, name, dim, steps, raw, false);
    }

    /** Amortised parameters, with the centred constraint or the paper's (see the class comment). */
    public static PlanarFlow amortised(SameDiff sd, String name, int dim, int steps, SDVariable raw, boolean centred) {
        return new PlanarFlow(sd, name, dim, steps, raw, false, centred);
    }

    private static void checkLength(int n, int dim, int steps) {
        if (n != steps * paramsPerStep(dim)) {
            throw new IllegalArgumentException("planar flow with d=" + dim + ", K=" + steps + " needs "
                    + steps * paramsPerStep(dim) + " raw parameters, got " + n);
        }
    }

    /**
     * @param shared whether raw has a single row shared by the whole batch (global parameters); with
     *               more than one step these use a fused xw+b op (SameDiff's unstack, which feeds it,
     *               fails for a single slice)
     */
    private PlanarFlow(SameDiff sd, String name, int dim, int steps, SDVariable raw, boolean shared, boolean centred) {
        if (dim < 2 || steps < 1) {
            throw new IllegalArgumentException("planar flow needs dim >= 2 and steps >= 1, got dim=" + dim + ", steps=" + steps);
        }
        this.sd = sd;
        this.name = name;
        this.dim = dim;
        this.steps = steps;
        this.fused = shared && steps > 1;
        try (NameScope ns = sd.withNameScope(name)) {
            StepParameters p = StepParameters.of(sd, raw, steps, paramsPerStep(dim));
            SDVariable u = p.field(0, dim);
            SDVariable wAll = p.field(dim, 2 * dim);
            SDVariable wu = wAll.mul(u).sum(true, 2);
            SDVariable ww = wAll.mul(wAll).sum(true, 2);
            SDVariable m = StableMath.softplus(sd, centred ? wu.add(CENTRE) : wu).sub(1.0);
            SDVariable uHatAll = u.add(wAll.mul(Broadcasts.alongLastAxis(sd, m.sub(wu).div(ww), steps, dim)));
            this.wDotUHat = sd.reshape(m, -1, steps);
            if (fused) {
                // one row: w_k as a [d, 1] column and b_k as a [1] vector for the fused xw+b op
                this.w = sd.unstack(sd.reshape(wAll, steps, dim, 1), 0, steps);
                this.b = sd.unstack(sd.reshape(p.field(2 * dim, 2 * dim + 1), steps, 1), 0, steps);
                this.uHat = p.perStep(uHatAll, dim);
            } else {
                // per-example rows: the chain runs on [z, 1], so that [w, b] . [z, 1] = w.z + b is one
                // product and one sum; u_hat gets a 0 in the extra coordinate, which stays 1 (the zero
                // column comes from w.u, already [rows, steps, 1], rather than from one more slice of raw)
                this.w = p.perStep(p.field(dim, 2 * dim + 1), dim + 1);
                this.b = null;
                this.uHat = p.perStep(sd.concat(2, uHatAll, wu.mul(0.0)), dim + 1);
            }
        }
    }

    /** w.u_hat of every step, shape {@code [rows, K]}; always greater than -1. */
    public SDVariable wDotUHat() {
        return wDotUHat;
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public SDVariable transform(SDVariable z, LogDetAccumulator logDet) {
        try (NameScope ns = sd.withNameScope(name)) {
            List<SDVariable> activations = new ArrayList<>(steps);
            SDVariable out = fused ? z : sd.concat(1, z, z.get(SDIndex.all(), SDIndex.interval(0, 1)).mul(0.0).add(1.0));
            for (int k = 0; k < steps; k++) {
                SDVariable a = fused ? sd.nn.linear(out, w[k], b[k]) : out.mul(w[k]).sum(true, 1);
                SDVariable h = sd.math.tanh(a);
                activations.add(h);
                out = out.add(h.mul(uHat[k]));
            }
            if (!fused) {
                out = out.get(SDIndex.all(), SDIndex.interval(0, dim));
            }
            SDVariable hs = steps == 1 ? activations.get(0) : sd.concat(1, activations.toArray(new SDVariable[0]));
            SDVariable slope = hs.mul(hs).rsub(1.0);
            SDVariable det = slope.mul(wDotUHat).add(1.0);
            logDet.addPerExample(Reductions.sumColumns(sd, sd.math.log(sd.math.abs(det)), steps, false));
            return out;
        }
    }
}
