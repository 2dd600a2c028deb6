package org.nf4j.spark;

import java.io.Serializable;

/**
 * What a Spark task does with its cell: trains, evaluates and returns the cell's result. It is
 * serialised to the executors with everything it holds, and so is its result (Java serialisation:
 * records must implement {@link Serializable}). It must be idempotent: a retried attempt finds the
 * files of the failed one and continues from them.
 *
 * @param <C> the cell
 * @param <R> its result, {@link Serializable} at run time
 */
@FunctionalInterface
public interface CellTask<C extends SweepCell, R> extends Serializable {

    R run(C cell, CellContext context) throws Exception;
}
