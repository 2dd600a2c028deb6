package org.nf4j.runtime;

import java.io.Serializable;

/**
 * The ND4J backend and thread counts a process asks for, as a value that travels with a Spark task:
 * every task configures its executor's ND4J the way the command line configured the driver's.
 *
 * @param choice      CPU or GPU
 * @param threads     native threads per op (OpenMP, libnd4j), at least 1
 * @param blasThreads OpenBLAS threads (CPU), at least 1: 1 when several tasks share the cores
 */
public record BackendSpec(BackendChoice choice, int threads, int blasThreads) implements Serializable {

    public BackendSpec {
        if (choice == null) {
            throw new IllegalArgumentException("choice must not be null");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        if (blasThreads < 1) {
            throw new IllegalArgumentException("--blas-threads must be at least 1, got " + blasThreads);
        }
    }

    /** {@link Backends#configure(BackendChoice, int, int)} with these values; returns its one-line description. */
    public String configure() {
        return Backends.configure(choice, threads, blasThreads);
    }
}
