package org.nf4j.flows;

import java.util.Random;
import org.nd4j.autodiff.samediff.NameScope;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A chain of K Householder reflections (Tomczak and Welling 2016, "Improving variational
 * auto-encoders using Householder flow"):
 * <pre>
 *   f_k(z) = H_k z = z - 2 v_k (v_k . z) / ||v_k||^2,     log|det df_k/dz| = 0   (det H_k = -1)
 * </pre>
 * Volume preserving: it changes the shape of q(z|x) (a rotation of a diagonal Gaussian gives a full
 * covariance) without any log-determinant. Each reflection is its own inverse, so the inverse applies
 * them in reverse order. Raw parameters per step are the vector {@code v (d)}; amortised, the encoder
 * emits all K vectors per example (the variant whose vectors all come from the encoder's head; in
 * the paper each v_{k+1} is a linear map of v_k). The reflection does not depend on the length of v
 * (v = 0 is taken as the identity), so it is a full reflection from the first update, whatever the head's
 * initial scale. The chain costs four or five ops per step (see {@link Reflections}); 2 v_k / ||v_k||^2
 * of all K steps is computed in batched ops before it.
 */
public final class HouseholderFlow implements Flow {
    private final SameDiff sd;
    private final String name;
    private final int dim;
    private final int steps;
    private final Reflections reflections;

    /** Raw numbers per step: the vector v. */
    public static int paramsPerStep(int dim) {
        return dim;
    }

    /** Global vectors initialised from {@code rng}: v ~ N(0, 1/d). */
    public static HouseholderFlow global(SameDiff sd, String name, int dim, int steps, Random rng) {
        return global(sd, name, dim, steps, initialRaw(dim, steps, rng));
    }

    /** Global vectors with the given raw values, {@code v_1, ..., v_K}. */
    public static HouseholderFlow global(SameDiff sd, String name, int dim, int steps, double[] raw) {
        if (raw.length != steps * dim) {
            throw new IllegalArgumentException("Householder flow with d=" + dim + ", K=" + steps + " needs " + steps * dim
                    + " raw parameters, got " + raw.length);
        }
        return new HouseholderFlow(sd, name, dim, steps, StepParameters.globalVariable(sd, name + "/raw", raw), true);
    }

    /** Amortised vectors: {@code raw} of shape {@code [batch, steps * dim]}. */
    public static HouseholderFlow amortised(SameDiff sd, String name, int dim, int steps, SDVariable raw) {
        return new HouseholderFlow(sd, name, dim, steps, raw, false);
    }

    /** {@code groups} independent copies of {@link #global(SameDiff, String, int, int, Random)} (see {@link FlowKind#grouped}). */
    public static HouseholderFlow grouped(SameDiff sd, String name, int dim, int steps, SDVariable membership, int groups,
                                          Random rng) {
        SDVariable raw = StepParameters.groupedVariable(sd, name + "/raw", initialRaw(dim, steps, rng), groups);
        return amortised(sd, name, dim, steps, membership.mmul(raw));
    }

    private static double[] initialRaw(int dim, int steps, Random rng) {
        return StepParameters.gaussian(rng, steps * dim, 1.0 / Math.sqrt(dim));
    }

    private HouseholderFlow(SameDiff sd, String name, int dim, int steps, SDVariable raw, boolean shared) {
        if (dim < 2 || steps < 1) {
            throw new IllegalArgumentException("Householder flow needs dim >= 2 and steps >= 1, got dim=" + dim + ", steps=" + steps);
        }
        this.sd = sd;
        this.name = name;
        this.dim = dim;
        this.steps = steps;
        try (NameScope ns = sd.withNameScope(name)) {
            // v = 0 (a zero head, a dead hidden layer) is the identity, see Reflections
            this.reflections = new Reflections(sd, StepParameters.of(sd, raw, steps, dim).field(0, dim), steps, dim, shared);
        }
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public SDVariable transform(SDVariable z, LogDetAccumulator logDet) {
        try (NameScope ns = sd.withNameScope(name)) {
            SDVariable out = z;
            for (int k = 0; k < steps; k++) {
                out = reflect(out, k);
            }
            return out;
        }
    }

    private SDVariable reflect(SDVariable z, int k) {
        return reflections.apply(z, k);
    }

    @Override
    public boolean hasInverse() {
        return true;
    }

    @Override
    public SDVariable inverse(SDVariable y) {
        try (NameScope ns = sd.withNameScope(name + "/inverse")) {
            SDVariable out = y;
            for (int k = steps - 1; k >= 0; k--) {
                out = reflect(out, k);
            }
            return out;
        }
    }
}
