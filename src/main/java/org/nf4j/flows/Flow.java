package org.nf4j.flows;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * One flow (one step or a block of steps of the same kind) in the variational direction
 * {@code z_{k-1} -> z_k}.
 *
 * <p>Implementations add their {@code log|det J|} contributions to a {@link LogDetAccumulator}
 * instead of returning them, so a chain of flows sums all its log-determinants with a handful of
 * SameDiff ops at the end, and volume-preserving flows add no op at all.
 */
public interface Flow {

    /** Dimension of the vectors this flow maps. */
    int dim();

    /**
     * Builds the forward transformation.
     *
     * @param z       input of shape {@code [batch, dim]}
     * @param logDet  receives this flow's {@code log|det dz_k/dz_{k-1}|} terms
     * @return the output of shape {@code [batch, dim]}
     */
    SDVariable transform(SDVariable z, LogDetAccumulator logDet);

    /** Builds the forward transformation and returns it with its log|det J| of shape {@code [batch]}. */
    default FlowOutput forward(SDVariable z) {
        LogDetAccumulator acc = new LogDetAccumulator();
        SDVariable out = transform(z, acc);
        return new FlowOutput(out, acc.total(z));
    }

    /** Whether {@link #inverse(SDVariable)} is available in closed form. */
    default boolean hasInverse() {
        return false;
    }

    /**
     * Builds the inverse transformation {@code z_k -> z_{k-1}}.
     *
     * @throws UnsupportedOperationException when the flow has no closed-form inverse
     */
    default SDVariable inverse(SDVariable y) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no closed-form inverse");
    }
}
