package org.nf4j.flows;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A flow (or variant) under test: how to build it in a fresh graph.
 *
 * @param name          shown in test names
 * @param amortisedSize number of raw parameters per example for amortised flows, 0 for global ones
 */
record FlowCase(String name, AmortisedSize amortisedSize, Builder builder) {

    /** Raw parameters per example, as a function of the dimension. */
    interface AmortisedSize {
        int of(int dim);
    }

    /** Builds the flow; {@code raw} is the amortised parameter variable, or null for global flows. */
    interface Builder {
        Flow build(SameDiff sd, int dim, SDVariable raw, long seed, double scale);
    }

    boolean amortised() {
        return amortisedSize.of(2) > 0;
    }

    static FlowCase global(String name, Builder builder) {
        return new FlowCase(name, d -> 0, builder);
    }

    @Override
    public String toString() {
        return name;
    }
}
