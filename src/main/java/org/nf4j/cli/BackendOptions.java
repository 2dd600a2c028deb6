package org.nf4j.cli;

import org.nf4j.runtime.BackendChoice;
import org.nf4j.runtime.BackendSpec;
import org.nf4j.runtime.Backends;
import picocli.CommandLine.Option;

/** {@code --gpu}, {@code --threads} and {@code --blas-threads}, shared by every command that computes. */
public final class BackendOptions {

    @Option(names = "--gpu", description = "run on CUDA (needs the nd4j-cuda-11.6 backend: Maven profile 'gpu')")
    boolean gpu;

    @Option(names = "--threads", defaultValue = "1",
            description = "native threads per op (default: ${DEFAULT-VALUE}; on 2 cores 2 was slower, even on idle cores)")
    int threads;

    @Option(names = "--blas-threads", description = "OpenBLAS threads for the large matrix products "
            + "(default: 2 where there are 2 cores, at most cores / --threads; 1 when other jobs share the cores)")
    Integer blasThreads;

    /** Starts ND4J on the chosen backend before anything else touches it; returns a one-line description. */
    public String start() {
        return start(1);
    }

    /** As {@link #start()} for {@code jobs} trainings at once: then OpenBLAS gets one thread unless told otherwise. */
    public String start(int jobs) {
        return spec(jobs).configure();
    }

    /**
     * The backend and thread counts for {@code jobs} trainings at once in one process (OpenBLAS gets
     * one thread each unless told otherwise), as Spark tasks carry them.
     */
    public BackendSpec spec(int jobs) {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        int blas = blasThreads != null ? blasThreads
                : jobs > 1 ? threads : Backends.defaultBlasThreads(threads, Runtime.getRuntime().availableProcessors());
        return new BackendSpec(gpu ? BackendChoice.GPU : BackendChoice.CPU, threads, blas);
    }

}
