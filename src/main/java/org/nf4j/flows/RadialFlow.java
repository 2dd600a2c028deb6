package org.nf4j.flows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.autodiff.samediff.NameScope;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nf4j.nn.StableMath;

/**
 * A block of K radial flow steps (Rezende and Mohamed 2015, section 4.1):
 * <pre>
 *   f(z) = z + beta h(alpha, r) (z - z0),   r = ||z - z0||,   h = 1 / (alpha + r)
 *   alpha = softplus(alpha_raw) > 0,   beta = -alpha + softplus(beta_raw) >= -alpha
 *   log|det df/dz| = (d - 1) log(1 + beta h) + log(1 + beta h + beta h' r)
 *                  = (d - 1) log(1 + beta h) + log(1 + beta alpha h^2)
 * </pre>
 * Raw parameters per step are {@code [z0 (d), alpha_raw, beta_raw]}. The inverse exists in closed
 * form: with s = ||y - z0||, r solves r^2 + (alpha + beta - s) r - alpha s = 0 (the positive root),
 * and z = z0 + (y - z0) / (1 + beta h(r)). A tiny constant {@value #R_EPS} under the square root
 * keeps the gradient finite at z = z0.
 */
public final class RadialFlow implements Flow {
    static final double R_EPS = 1e-12;

    private final SameDiff sd;
    private final String name;
    private final int dim;
    private final int steps;
    private final SDVariable[] z0;
    private final SDVariable[] alpha;
    private final SDVariable[] beta;
    private final SDVariable alphaAll;
    private final SDVariable betaAll;

    /** Raw numbers per step: z0, alpha_raw and beta_raw. */
    public static int paramsPerStep(int dim) {
        return dim + 2;
    }

    /** Global parameters initialised from {@code rng}: z0 ~ N(0, 1), alpha_raw, beta_raw ~ N(0, 1). */
    public static RadialFlow global(SameDiff sd, String name, int dim, int steps, Random rng) {
        return global(sd, name, dim, steps, StepParameters.gaussian(rng, steps * paramsPerStep(dim), 1.0));
    }

    /**
     * {@code groups} independent copies of {@link #global(SameDiff, String, int, int, Random)}, for
     * rows whose one-hot group is {@code membership [rows, groups]} (see {@link FlowKind#grouped}).
     */
    public static RadialFlow grouped(SameDiff sd, String name, int dim, int steps, SDVariable membership, int groups,
                                     Random rng) {
        double[] init = StepParameters.gaussian(rng, steps * paramsPerStep(dim), 1.0);
        return amortised(sd, name, dim, steps, membership.mmul(StepParameters.groupedVariable(sd, name + "/raw", init, groups)));
    }

    /** Global parameters with the given raw values, laid out {@code [z0, alpha_raw, beta_raw]} per step. */
    public static RadialFlow global(SameDiff sd, String name, int dim, int steps, double[] raw) {
        if (raw.length != steps * paramsPerStep(dim)) {
            throw new IllegalArgumentException("radial flow with d=" + dim + ", K=" + steps + " needs "
                    + steps * paramsPerStep(dim) + " raw parameters, got " + raw.length);
        }
        return new RadialFlow(sd, name, dim, steps, StepParameters.globalVariable(sd, name + "/raw", raw));
    }

    /** Amortised parameters: {@code raw} of shape {@code [batch, steps * paramsPerStep(dim)]}. */
    public static RadialFlow amortised(SameDiff sd, String name, int dim, int steps, SDVariable raw) {
        return new RadialFlow(sd, name, dim, steps, raw);
    }

    private RadialFlow(SameDiff sd, String name, int dim, int steps, SDVariable raw) {
        if (dim < 2 || steps < 1) {
            throw new IllegalArgumentException("radial flow needs dim >= 2 and steps >= 1, got dim=" + dim + ", steps=" + steps);
        }
        this.sd = sd;
        this.name = name;
        this.dim = dim;
        this.steps = steps;
        try (NameScope ns = sd.withNameScope(name)) {
            StepParameters p = StepParameters.of(sd, raw, steps, paramsPerStep(dim));
            SDVariable a = StableMath.softplus(sd, p.field(dim, dim + 1));
            SDVariable bt = StableMath.softplus(sd, p.field(dim + 1, dim + 2)).sub(a);
            this.alphaAll = sd.reshape(a, -1, steps);
            this.betaAll = sd.reshape(bt, -1, steps);
            this.z0 = p.perStep(p.field(0, dim), dim);
            this.alpha = p.perStep(a, 1);
            this.beta = p.perStep(bt, 1);
        }
    }

    /** alpha of every step, shape {@code [rows, K]}; always positive. */
    public SDVariable alpha() {
        return alphaAll;
    }

    /** The constrained beta of every step, shape {@code [rows, K]}; always at least -alpha. */
    public SDVariable beta() {
        return betaAll;
    }

    @Override
    public int dim() {
        return dim;
    }

    private SDVariable norm(SDVariable v) {
        return sd.math.sqrt(Reductions.sumColumns(sd, v.mul(v), dim, true).add(R_EPS));
    }

    @Override
    public SDVariable transform(SDVariable z, LogDetAccumulator logDet) {
        try (NameScope ns = sd.withNameScope(name)) {
            List<SDVariable> radii = new ArrayList<>(steps);
            SDVariable out = z;
            for (int k = 0; k < steps; k++) {
                SDVariable diff = out.sub(z0[k]);
                SDVariable r = norm(diff);
                radii.add(r);
                out = out.add(diff.mul(beta[k].div(r.add(alpha[k]))));
            }
            SDVariable rs = steps == 1 ? radii.get(0) : sd.concat(1, radii.toArray(new SDVariable[0]));
            SDVariable h = rs.add(alphaAll).rdiv(1.0);
            SDVariable bh = h.mul(betaAll);
            SDVariable radial = sd.math.log(bh.add(1.0)).mul(dim - 1.0);
            SDVariable along = sd.math.log(h.mul(h).mul(betaAll.mul(alphaAll)).add(1.0));
            logDet.addPerExample(Reductions.sumColumns(sd, radial.add(along), steps, false));
            return out;
        }
    }

    @Override
    public boolean hasInverse() {
        return true;
    }

    @Override
    public SDVariable inverse(SDVariable y) {
        try (NameScope ns = sd.withNameScope(name + "_inv")) {
            SDVariable out = y;
            for (int k = steps - 1; k >= 0; k--) {
                SDVariable diff = out.sub(z0[k]);
                SDVariable s = norm(diff);
                SDVariable c = alpha[k].add(beta[k]).sub(s);
                SDVariable disc = c.mul(c).add(s.mul(alpha[k]).mul(4.0));
                SDVariable r = sd.math.sqrt(disc).sub(c).mul(0.5);
                SDVariable scale = beta[k].div(r.add(alpha[k])).add(1.0);
                out = z0[k].add(diff.div(scale));
            }
            return out;
        }
    }
}
