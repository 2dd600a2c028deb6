package org.nf4j.sweep;

import org.nf4j.eval.EvalResult;

/**
 * One finished cell of the sweep.
 *
 * @param flow  the flow ("diagonal" for K = 0)
 * @param steps parameter updates the run was trained for
 * @param eval  its evaluation on the test split
 */
public record Table2Row(String flow, int k, String run, long steps, EvalResult eval) {
}
