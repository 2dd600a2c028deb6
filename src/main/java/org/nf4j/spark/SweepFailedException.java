package org.nf4j.spark;

/**
 * A sweep that could not finish: the Spark master cannot be reached, every executor is gone, or a
 * cell failed on every attempt. The message is one line saying what happened; cells that finished
 * before are kept on disk, and running the same command again continues the sweep.
 */
public final class SweepFailedException extends RuntimeException {

    public SweepFailedException(String message) {
        super(message);
    }

    public SweepFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Why the failed cell failed (the exception its last attempt threw), or null when no cell did. */
    public Throwable cellCause() {
        for (Throwable c = getCause(); c != null; c = c.getCause()) {
            if (c instanceof CellFailedException cell) {
                return cell.getCause();
            }
        }
        return null;
    }
}
