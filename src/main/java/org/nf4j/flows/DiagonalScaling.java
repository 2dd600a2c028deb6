package org.nf4j.flows;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The diagonal scaling layer that closes a NICE flow (Dinh et al. 2014, section 3.3):
 * <pre>
 *   y = z * exp(s),   log|det| = sum_i s_i,   inverse z = y * exp(-s)
 * </pre>
 * with a global learned log-scale s (initially zero: the identity).
 */
public final class DiagonalScaling implements Flow {
    private final SameDiff sd;
    private final int dim;
    private final SDVariable logScale;
    /** The rows' one-hot groups when grouped, else null. */
    private final SDVariable membership;

    public DiagonalScaling(SameDiff sd, String name, int dim) {
        this(sd, name, new double[dim]);
    }

    /** With the given initial log-scales. */
    public DiagonalScaling(SameDiff sd, String name, double[] initialLogScale) {
        this.sd = sd;
        this.dim = initialLogScale.length;
        this.logScale = StepParameters.globalVariable(sd, name + "/logScale", initialLogScale);
        this.membership = null;
    }

    /**
     * {@code groups} independent copies (log-scales {@code [groups, dim]}, initially zero) for rows whose
     * one-hot group is {@code membership [rows, groups]} (see {@link FlowKind#grouped}).
     */
    public DiagonalScaling(SameDiff sd, String name, int dim, SDVariable membership, int groups) {
        this.sd = sd;
        this.dim = dim;
        this.logScale = StepParameters.groupedVariable(sd, name + "/logScale", new double[dim], groups);
        this.membership = membership;
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public SDVariable transform(SDVariable z, LogDetAccumulator logDet) {
        if (membership != null) {
            SDVariable rows = membership.mmul(logScale);
            logDet.addPerExample(rows.sum(1));
            return z.mul(sd.math.exp(rows));
        }
        logDet.addShared(logScale.sum());
        return z.mul(sd.math.exp(logScale));
    }

    @Override
    public boolean hasInverse() {
        return true;
    }

    @Override
    public SDVariable inverse(SDVariable y) {
        if (membership != null) {
            return y.mul(sd.math.exp(membership.mmul(logScale).neg()));
        }
        return y.mul(sd.math.exp(logScale.neg()));
    }
}
