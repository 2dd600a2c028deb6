package org.nf4j.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.nd4j.imports.converters.DifferentialFunctionClassHolder;
import org.nf4j.runtime.BackendChoice;
import org.nf4j.runtime.Backends;

/**
 * What Jupyter starts ({@code java ... org.nf4j.kernel.KernelMain CONNECTION_FILE}, see
 * {@link KernelSpec}): ND4J on the CPU with nf4j's thread settings and SameDiff's op registry loaded
 * (both log at start-up, to the kernel's console rather than a cell), then a {@link JShellKernel} on
 * this JVM's class path serving the connection until Jupyter shuts it down.
 */
public final class KernelMain {
    /** What every cell can use without importing it (the imports of the {@code jshell} tool). */
    public static final List<String> STARTUP = List.of("import java.io.*;", "import java.math.*;", "import java.net.*;",
            "import java.nio.file.*;", "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.regex.*;", "import java.util.stream.*;");

    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp CLASSPATH " + KernelMain.class.getName() + " CONNECTION_FILE");
            System.exit(2);
        }
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        System.err.println("nf4j kernel: " + Backends.configure(BackendChoice.CPU));
        // SameDiff's op registry logs two warnings (duplicate TF op mappings) when first loaded: here, not in a cell
        DifferentialFunctionClassHolder.getInstance();
        JShellKernel kernel = new JShellKernel(System.getProperty("java.class.path"), STARTUP);
        serve(kernel, props).waitUntilClose();
        System.exit(0);
    }

    /** Binds the connection's sockets and lets {@code kernel} answer them; returns the connection (open). */
    public static JupyterConnection serve(JShellKernel kernel, KernelConnectionProperties props) throws IOException {
        try {
            JupyterConnection connection = new JupyterConnection(props);
            kernel.becomeHandlerForConnection(connection);
            connection.connect();
            kernel.onStartup();
            return connection;
        } catch (GeneralSecurityException e) {
            throw new IOException("the connection's signature scheme '" + props.getSignatureScheme() + "' is not available: "
                    + e.getMessage(), e);
        }
    }
}
