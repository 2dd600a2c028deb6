package org.nf4j.cli;

import org.nf4j.runtime.BackendChoice;
import org.nf4j.runtime.Backends;
import picocli.CommandLine.Option;

/** {@code --gpu} and {@code --threads}, shared by every command that computes. */
public final class BackendOptions {

    @Option(names = "--gpu", description = "run on CUDA (needs the nd4j-cuda-11.6 backend: Maven profile 'gpu')")
    boolean gpu;

    @Option(names = "--threads", defaultValue = "1",
            description = "native threads per op (default: ${DEFAULT-VALUE}; more only helps with large ops on idle cores)")
    int threads;

    /** Starts ND4J on the chosen backend before anything else touches it; returns a one-line description. */
    public String start() {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        return Backends.configure(gpu ? BackendChoice.GPU : BackendChoice.CPU, threads);
    }
}
