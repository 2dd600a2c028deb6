package org.nf4j.spark;

import java.io.PrintStream;

/**
 * Where a cell's task runs.
 *
 * @param out      its console: the driver's, each line prefixed with the cell's name, when the task
 *                 runs in the driver's process ({@code local[N]}); the executor's standard output
 *                 (in the worker's log folder) on a cluster
 * @param attempt  0 for the first attempt, 1 for the first retry, ...
 * @param executor the Spark executor's id ("driver" in local mode)
 */
public record CellContext(PrintStream out, int attempt, String executor) {
}
