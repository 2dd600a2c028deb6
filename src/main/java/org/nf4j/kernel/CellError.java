package org.nf4j.kernel;

/**
 * A cell stopped by an {@link Error} (a stack overflow, memory exhausted, a class that failed to
 * initialise): carried as an exception so that the kernel stays up and the cell fails with the
 * error's name and message.
 */
public final class CellError extends RuntimeException {
    CellError(Error cause) {
        super(cause.toString(), cause);
    }
}
