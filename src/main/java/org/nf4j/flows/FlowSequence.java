package org.nf4j.flows;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;

/** Flows applied one after another; the log-determinants add up. */
public final class FlowSequence implements Flow {
    private final List<Flow> flows;

    public FlowSequence(List<Flow> flows) {
        if (flows.isEmpty()) {
            throw new IllegalArgumentException("a flow sequence needs at least one flow");
        }
        int d = flows.get(0).dim();
        for (Flow f : flows) {
            if (f.dim() != d) {
                throw new IllegalArgumentException("flows of different dimension in one sequence: " + d + " and " + f.dim());
            }
        }
        this.flows = List.copyOf(flows);
    }

    /** The flows, in forward order. */
    public List<Flow> flows() {
        return flows;
    }

    @Override
    public int dim() {
        return flows.get(0).dim();
    }

    @Override
    public SDVariable transform(SDVariable z, LogDetAccumulator logDet) {
        SDVariable out = z;
        for (Flow f : flows) {
            out = f.transform(out, logDet);
        }
        return out;
    }

    @Override
    public boolean hasInverse() {
        return flows.stream().allMatch(Flow::hasInverse);
    }

    @Override
    public SDVariable inverse(SDVariable y) {
        SDVariable out = y;
        for (int i = flows.size() - 1; i >= 0; i--) {
            out = flows.get(i).inverse(out);
        }
        return out;
    }
}
