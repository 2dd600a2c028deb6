package org.nf4j.runtime;

/**
 * How a command-line front end reports a failed {@link Backends#configure}: one line on stderr,
 * no stack trace, a non-zero exit code.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     try {
 *         log.info(Backends.configure(gpu ? BackendChoice.GPU : BackendChoice.CPU, threads));
 *     } catch (BackendUnavailableException | IllegalStateException e) {
 *         System.err.println("nf4j: " + StartupErrors.messageFor(e));
 *         System.exit(StartupErrors.exitCodeFor(e));   // 2
 *     }
 *     ...
 * }
 * }</pre>
 * Under {@code mvn exec:java} the program runs inside Maven's JVM: an exception escaping
 * {@code main} makes the plugin print its stack trace, while {@code System.exit(2)} ends Maven with
 * status 2, which is what the user should see.
 */
public final class StartupErrors {

    /** Exit status when the requested backend is unavailable or ND4J is in the wrong state. */
    public static final int EXIT_BACKEND_UNAVAILABLE = 2;

    /** Exit status for any other failure. */
    public static final int EXIT_FAILURE = 1;

    private StartupErrors() {
    }

    /**
     * {@value #EXIT_BACKEND_UNAVAILABLE} for a {@link BackendUnavailableException} or an
     * {@link IllegalStateException} from {@code configure}, {@value #EXIT_FAILURE} otherwise.
     */
    public static int exitCodeFor(Throwable t) {
        return (t instanceof BackendUnavailableException || t instanceof IllegalStateException)
                ? EXIT_BACKEND_UNAVAILABLE
                : EXIT_FAILURE;
    }

    /** The one-line message to print for {@code t} (its message, or its class name if none). */
    public static String messageFor(Throwable t) {
        if (t instanceof java.nio.file.FileSystemException f) {
            // its message is just the path: say what went wrong with it
            return ("cannot use " + f.getFile() + ": " + (f.getReason() != null ? f.getReason()
                    : t.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase()))
                    .replaceAll("\\s+", " ").trim();
        }
        String m = t.getMessage();
        return (m == null || m.isBlank() ? t.getClass().getName() : m).replaceAll("\\s+", " ").trim();
    }
}
