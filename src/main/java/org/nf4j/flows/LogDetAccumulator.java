package org.nf4j.flows;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * Collects the log|det J| terms of a chain of flows and sums them once, at the end.
 *
 * <p>Per-example terms have shape {@code [batch]}; shared terms (from global, z-independent
 * Jacobians such as a diagonal scaling) are scalars that broadcast over the batch.
 */
public final class LogDetAccumulator {
    private final List<SDVariable> perExample = new ArrayList<>();
    private final List<SDVariable> shared = new ArrayList<>();

    /** Adds a term of shape {@code [batch]}. */
    public void addPerExample(SDVariable term) {
        perExample.add(term);
    }

    /** Adds a scalar term that is the same for every example. */
    public void addShared(SDVariable scalar) {
        shared.add(scalar);
    }

    /**
     * The total log|det J| of shape {@code [batch]}.
     *
     * @param z any variable of shape {@code [batch, ...]} of the chain, used only for the batch
     *          size when no per-example term exists
     */
    public SDVariable total(SDVariable z) {
        SDVariable sum = perExample.isEmpty() ? z.mul(0.0).sum(1) : perExample.get(0);
        for (int i = 1; i < perExample.size(); i++) {
            sum = sum.add(perExample.get(i));
        }
        for (SDVariable s : shared) {
            sum = sum.add(s);
        }
        return sum;
    }
}
