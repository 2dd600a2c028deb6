package org.nf4j.spark;

import java.io.Serializable;
import java.util.function.UnaryOperator;

/**
 * A fault injected into a sweep: the first attempt of cell {@code name} runs a shortened version of
 * the cell (as far as an attempt killed half-way gets: its checkpoints written) and then fails; the
 * other attempts, and every other cell, run normally.
 */
public record FailFirstAttempt<C extends SweepCell, R>(CellTask<C, R> inner, String name, Shortened<C> shortened)
        implements CellTask<C, R> {

    /** Makes the part of a cell the failing attempt gets through. */
    public interface Shortened<C> extends UnaryOperator<C>, Serializable {
    }

    @Override
    public R run(C cell, CellContext context) throws Exception {
        if (cell.name().equals(name) && context.attempt() == 0) {
            inner.run(shortened.apply(cell), context);
            throw new IllegalStateException("fault injected by the test half-way through " + name);
        }
        return inner.run(cell, context);
    }
}
