package org.nf4j.runtime;

import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Sets and reads the native thread counts of an initialised ND4J backend.
 *
 * <p>ND4J reads {@code OMP_NUM_THREADS} only when the backend starts; afterwards three knobs are
 * the programmatic equivalent (checked by reading them back in 1.0.0-M2.1):
 * <ul>
 *   <li>{@code NativeOps.setOmpNumThreads(n)}: OpenMP threads per op (libnd4j);</li>
 *   <li>{@code Environment.setMaxMasterThreads(n)}: libnd4j threads that split one op;</li>
 *   <li>{@code Blas.setMaxThreads(n)}: OpenBLAS threads (CPU backend only).</li>
 * </ul>
 * {@code Environment.setMaxThreads(n)} exists but is a no-op in 1.0.0-M2.1: {@code maxThreads()}
 * keeps the size libnd4j's thread pool got at start-up (from {@code OMP_NUM_THREADS} or
 * {@code SD_MAX_THREADS}, else the core count). That is harmless, because the pool only hands out
 * {@code maxMasterThreads} threads per op.
 * Only call these after {@link Backends} has chosen the backend: every method here initialises
 * ND4J if it is not yet initialised.
 */
final class NativeThreads {

    private NativeThreads() {
    }

    /**
     * Applies {@code threads} to every knob that exists for the running backend.
     *
     * @param threads number of native threads, at least 1
     * @param cpuBlas whether the backend has a CPU BLAS whose threads should be set (CPU backend)
     */
    static void apply(int threads, boolean cpuBlas) {
        apply(threads, threads, cpuBlas);
    }

    /**
     * Applies {@code threads} to OpenMP and libnd4j, and {@code blasThreads} to OpenBLAS (CPU only):
     * with compiled steps the large matrix products are where more than one thread pays.
     */
    static void apply(int threads, int blasThreads, boolean cpuBlas) {
        if (threads < 1 || blasThreads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads + " and " + blasThreads);
        }
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        ops.setOmpNumThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        if (cpuBlas) {
            Nd4j.factory().blas().setMaxThreads(blasThreads);
        }
    }

    /**
     * Reads the current counts back.
     *
     * @param cpuBlas whether to read the CPU BLAS thread count; {@code -1} is reported otherwise
     */
    static ThreadState current(boolean cpuBlas) {
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        Environment env = Nd4j.getEnvironment();
        int blas = cpuBlas ? Nd4j.factory().blas().getMaxThreads() : -1;
        return new ThreadState(ops.ompGetMaxThreads(), env.maxThreads(), env.maxMasterThreads(), blas);
    }
}
