package org.nf4j.flows;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A correct flow built on an op whose SameDiff gradient is wrong in 1.0.0-M2.1 (cumsum along
 * axis 1, see DL4J-NOTES): y = z + 0.5 cumsum(z * s), a triangular map with
 * log|det| = sum_i log|1 + 0.5 s_i|. The gradient check must reject it.
 */
final class BrokenGradientFlow implements Flow {
    private final SameDiff sd;
    private final SDVariable s;
    private final int dim;

    BrokenGradientFlow(SameDiff sd, double[] s) {
        this.sd = sd;
        this.dim = s.length;
        this.s = StepParameters.globalVariable(sd, "s", s);
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public SDVariable transform(SDVariable z, LogDetAccumulator logDet) {
        logDet.addShared(sd.math.log(sd.math.abs(s.mul(0.5).add(1.0))).sum());
        return z.add(sd.cumsum(z.mul(s), false, false, 1).mul(0.5));
    }
}
