package org.nf4j.spark;

import org.nf4j.runtime.StartupErrors;

/**
 * A cell's task failed: the message names the cell and says why in one line (the cause's message).
 * Thrown in the task; Spark retries the task, and after its last attempt the driver reports this.
 */
public final class CellFailedException extends RuntimeException {
    private final String cell;

    public CellFailedException(String cell, Throwable cause) {
        super(cell + ": " + StartupErrors.messageFor(cause), cause);
        this.cell = cell;
    }

    public String cell() {
        return cell;
    }
}
