package org.nf4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4j;

/** {@link Backends#configure} on the CPU-only test classpath (no {@code -Pgpu}). */
class BackendsTest {

    private static final String CUDA_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";

    @Test
    void gpuWithoutCudaBackendFailsWithOneLineMessageAndTouchesNothing() {
        assumeFalse(Backends.isOnClasspath(BackendChoice.GPU), "CUDA backend present (-Pgpu)");
        ClassLoader nd4jLoaderBefore = ND4JClassLoading.getNd4jClassloader();

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> Backends.configure(BackendChoice.GPU, 1));

        assertSame(BackendChoice.GPU, e.requested());
        assertEquals(Backends.GPU_MISSING_MESSAGE, e.getMessage());
        assertTrue(e.getMessage().startsWith("--gpu needs the CUDA backend"), e.getMessage());
        assertTrue(e.getMessage().contains("-Pgpu") && e.getMessage().contains("CUDA 11.6"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
        assertEquals(StartupErrors.EXIT_BACKEND_UNAVAILABLE, StartupErrors.exitCodeFor(e));
        // no side effect: ND4J's class loader untouched, no CUDA class anywhere
        assertSame(nd4jLoaderBefore, ND4JClassLoading.getNd4jClassloader());
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName(CUDA_CLASS, false, BackendsTest.class.getClassLoader()));
        // and the CPU backend can still be configured afterwards
        Backends.configure(BackendChoice.CPU, 1);
        assertEquals(BackendChoice.CPU.backendClassName(), Nd4j.getBackend().getClass().getName());
    }

    @Test
    void cpuConfigurationYieldsCpuBackendAndDescription() {
        String description = Backends.configure(BackendChoice.CPU, 1);

        assertEquals("backend=cpu threads=1 (nd4j-native 1.0.0-M2.1)", description);
        assertEquals("org.nd4j.linalg.cpu.nativecpu.CpuBackend", Nd4j.getBackend().getClass().getName());
        assertTrue(Backends.isOnClasspath(BackendChoice.CPU));
    }

    @Test
    void blasThreadsAreSetApartFromTheRest() {
        try {
            String description = Backends.configure(BackendChoice.CPU, 1, 2);
            assertEquals("backend=cpu threads=1 blas_threads=2 (nd4j-native 1.0.0-M2.1)", description);
            ThreadState s = Backends.threadState();
            assertEquals(1, s.ompMaxThreads());
            assertEquals(1, s.maxMasterThreads());
            assertEquals(2, s.blasThreads());
            assertThrows(IllegalArgumentException.class, () -> Backends.configure(BackendChoice.CPU, 1, 0));
        } finally {
            Backends.configure(BackendChoice.CPU, 1);
        }
        assertEquals(1, Backends.threadState().blasThreads());
    }

    @Test
    void configureIsRepeatable() {
        String first = Backends.configure(BackendChoice.CPU);
        String second = Backends.configure(BackendChoice.CPU, Backends.DEFAULT_THREADS);

        assertEquals(first, second);
    }

    @Test
    void threadCountIsAppliedAndReadBack() {
        try {
            Backends.configure(BackendChoice.CPU, 2);
            ThreadState two = Backends.threadState();
            assertTrue(two.isTunedTo(2), two.toString());
            assertEquals(2, two.ompMaxThreads());
            // master threads are clamped to the pool size fixed at start-up (1 under surefire's
            // OMP_NUM_THREADS=1, the core count otherwise)
            assertEquals(Math.min(2, two.maxThreads()), two.maxMasterThreads());
            assertEquals(2, two.blasThreads());

            Backends.configure(BackendChoice.CPU, 1);
            ThreadState one = Backends.threadState();
            assertTrue(one.isTunedTo(1), one.toString());
            assertEquals(1, one.ompMaxThreads());
            assertEquals(1, one.maxMasterThreads());
            assertEquals(1, one.blasThreads());
        } finally {
            Backends.configure(BackendChoice.CPU, 1);
        }
    }

    @Test
    void rejectsNonPositiveThreadCount() {
        assertThrows(IllegalArgumentException.class, () -> Backends.configure(BackendChoice.CPU, 0));
        assertThrows(IllegalArgumentException.class, () -> Backends.configure(null, 1));
    }

    @Test
    void missingCudaLibrariesAreNamedWithWhatToInstall() {
        String missing = Backends.cudaCannotStart(new UnsatisfiedLinkError(
                "/root/.javacpp/cache/nd4j-cuda/libjnind4jcuda.so: libcublas.so.11: cannot open shared object file"));
        assertTrue(missing.contains(Backends.CUDA_LIBRARIES), missing);
        assertFalse(missing.contains("\n"), "one line");
        String other = Backends.cudaCannotStart(new IllegalStateException("no CUDA devices were found"));
        assertFalse(other.contains(Backends.CUDA_LIBRARIES), other);
        assertTrue(other.contains(Backends.CUDA_REQUIREMENTS), other);
    }
}
