package org.nf4j.data;

/**
 * A problem with the MNIST data that the user can fix: a missing directory or file, a truncated or
 * corrupt file, a checksum mismatch, a missing {@code npm}. The message is a single line that names
 * the file concerned and says what to do; command-line code prints it as is, without a stack trace.
 */
public class MnistDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message one line naming the file and the remedy */
    public MnistDataException(String message) {
        super(message);
    }

    /**
     * @param message one line naming the file and the remedy
     * @param cause the underlying exception, kept for debugging only
     */
    public MnistDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
