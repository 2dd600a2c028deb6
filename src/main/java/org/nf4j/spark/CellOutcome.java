package org.nf4j.spark;

import java.io.Serializable;

/**
 * What comes back to the driver from a cell's successful task.
 *
 * @param value    the task's result
 * @param seconds  the wall time of the successful attempt
 * @param attempt  which attempt succeeded (0: the first)
 * @param executor the executor that ran it
 * @param <R>      the result
 */
public record CellOutcome<R>(R value, double seconds, int attempt, String executor) implements Serializable {
}
