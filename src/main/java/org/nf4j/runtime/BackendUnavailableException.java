package org.nf4j.runtime;

/**
 * The requested backend cannot be used on this machine or with this classpath.
 *
 * <p>The message is a single line that tells the user what to install or enable; a command-line
 * front end prints it as is, without a stack trace, and exits with
 * {@link StartupErrors#EXIT_BACKEND_UNAVAILABLE} (see {@link StartupErrors#exitCodeFor(Throwable)}).
 */
public final class BackendUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final BackendChoice requested;

    /**
     * @param requested the backend that was asked for
     * @param message   one line, no trailing newline
     */
    public BackendUnavailableException(BackendChoice requested, String message) {
        super(message);
        this.requested = requested;
    }

    /**
     * @param requested the backend that was asked for
     * @param message   one line, no trailing newline
     * @param cause     what ND4J or the CUDA runtime reported, kept for debugging
     */
    public BackendUnavailableException(BackendChoice requested, String message, Throwable cause) {
        super(message, cause);
        this.requested = requested;
    }

    /** The backend that was asked for and is unavailable. */
    public BackendChoice requested() {
        return requested;
    }
}
