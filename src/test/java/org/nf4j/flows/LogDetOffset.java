package org.nf4j.flows;

import org.nd4j.autodiff.samediff.SDVariable;

/** A deliberately wrong flow for testing the checks: the wrapped flow with its log-det shifted. */
final class LogDetOffset implements Flow {
    private final Flow inner;
    private final double offset;

    LogDetOffset(Flow inner, double offset) {
        this.inner = inner;
        this.offset = offset;
    }

    @Override
    public int dim() {
        return inner.dim();
    }

    @Override
    public SDVariable transform(SDVariable z, LogDetAccumulator logDet) {
        SDVariable out = inner.transform(z, logDet);
        logDet.addShared(z.getSameDiff().constant(offset));
        return out;
    }
}
