package org.nf4j.flows;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Sums that survive SameDiff 1.0.0-M2.1: a reduce_sum over an axis of length 1 throws a
 * NullPointerException at execution (BaseReduceOp.noOp), so such a "sum" is taken by a reshape.
 */
final class Reductions {
    private Reductions() {
    }

    /** Sum of a rank-2 {@code x [rows, n]} over axis 1: shape {@code [rows, 1]} if keepDims, else {@code [rows]}. */
    static SDVariable sumColumns(SameDiff sd, SDVariable x, int n, boolean keepDims) {
        if (n > 1) {
            return x.sum(keepDims, 1);
        }
        return keepDims ? x : sd.reshape(x, -1);
    }
}
