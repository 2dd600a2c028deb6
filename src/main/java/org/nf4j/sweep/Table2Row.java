package org.nf4j.sweep;

import java.io.Serializable;
import org.nf4j.eval.EvalResult;
import org.nf4j.eval.PairedDifference;


/**
 * One finished cell of the sweep: one training run (one seed) of one model.
 *
 * @param flow  the flow ("diagonal" for K = 0)
 * @param seed  the training seed
 * @param steps parameter updates the run was trained for
 * @param eval  its evaluation on the test split
 * @param vsDiagonal this model minus the diagonal (K = 0) model per test digit, or null (the diagonal
 *                   row itself, or a cell evaluated without per-digit output)
 */
public record Table2Row(String flow, int k, long seed, String run, long steps, EvalResult eval, PairedDifference vsDiagonal)
        implements Serializable {

    public Table2Row(String flow, int k, long seed, String run, long steps, EvalResult eval) {
        this(flow, k, seed, run, steps, eval, null);
    }

    /** This row with its paired difference to the diagonal model of the same seed. */
    public Table2Row withVsDiagonal(PairedDifference d) {
        return new Table2Row(flow, k, seed, run, steps, eval, d);
    }
}
