package org.nf4j.runtime;

/**
 * The native thread counts of the running ND4J backend, as read back from ND4J 1.0.0-M2.1.
 *
 * @param ompMaxThreads    {@code NativeOps.ompGetMaxThreads()}: OpenMP threads libnd4j uses for one op
 * @param maxThreads       {@code Nd4j.getEnvironment().maxThreads()}: libnd4j's thread-pool size,
 *                         fixed when the backend starts (not settable in 1.0.0-M2.1)
 * @param maxMasterThreads {@code Nd4j.getEnvironment().maxMasterThreads()}: threads that may split
 *                         one op's outer loop
 * @param blasThreads      {@code Nd4j.factory().blas().getMaxThreads()}: OpenBLAS threads, or
 *                         {@code -1} on a backend without a CPU BLAS (CUDA)
 */
public record ThreadState(int ompMaxThreads, int maxThreads, int maxMasterThreads, int blasThreads) {

    /**
     * Whether the counts {@link Backends#configure} sets match {@code threads}: OpenMP and (where
     * there is one) the CPU BLAS equal it; the master-thread count equals it capped at the pool size
     * {@link #maxThreads()}, which libnd4j fixes at start-up and clamps the master threads to.
     */
    public boolean isTunedTo(int threads) {
        return ompMaxThreads == threads && maxMasterThreads == Math.min(threads, maxThreads)
                && (blasThreads == -1 || blasThreads == threads);
    }

    @Override
    public String toString() {
        return "omp=" + ompMaxThreads + " pool=" + maxThreads + " master=" + maxMasterThreads
                + " blas=" + (blasThreads == -1 ? "n/a" : Integer.toString(blasThreads));
    }
}
