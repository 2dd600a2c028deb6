package org.nf4j.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks, before Spark starts, that a standalone master ({@code spark://HOST:PORT}, or several
 * separated by commas) accepts connections: Spark itself retries an unreachable master for about a
 * minute and then leaves the application waiting without a word. Other masters (local, YARN,
 * Kubernetes) are not checked.
 */
final class MasterCheck {
    /** How long one connection attempt may take. */
    static final int TIMEOUT_MILLIS = 5_000;

    private MasterCheck() {
    }

    /** Throws a one-line {@link SweepFailedException} unless one of the master's addresses accepts a connection. */
    static void requireReachable(String master) {
        if (!master.startsWith("spark://")) {
            return;
        }
        List<String> failures = new ArrayList<>();
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("--master " + master + ": expected spark://HOST:PORT");
            }
            String host = hostPort.substring(0, colon);
            int port;
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--master " + master + ": '" + hostPort.substring(colon + 1) + "' is not a port");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
                return;
            } catch (IOException e) {
                failures.add(hostPort + ": " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
            }
        }
        throw new SweepFailedException("cannot reach the Spark master " + master + " (" + String.join("; ", failures)
                + "): is it running, and is the address the one its log prints (spark://HOST:PORT)?");
    }
}
