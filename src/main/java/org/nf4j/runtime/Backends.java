package org.nf4j.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Properties;

import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.factory.Nd4jBackend;

/**
 * Chooses the ND4J backend and tunes its native threads; call {@link #configure} first thing in
 * {@code main}, before anything touches {@code Nd4j}, {@code INDArray} or {@code SameDiff}.
 *
 * <h2>How ND4J 1.0.0-M2.1 picks a backend</h2>
 * {@code Nd4j}'s static initialiser calls {@code Nd4jBackend.load()}, which lists every
 * {@code Nd4jBackend} service visible through {@code ND4JClassLoading.getNd4jClassloader()}, sorts
 * them by {@code getPriority()} (CUDA {@code BACKEND_PRIORITY_GPU} = 100, CPU
 * {@code BACKEND_PRIORITY_CPU} = 0; both read only from environment variables, there is no system
 * property) and initialises the first whose {@code isAvailable()} is true. So with the CUDA backend
 * on the classpath and a working GPU, ND4J always picks CUDA, and if CUDA cannot start it silently
 * falls back to the CPU.
 *
 * <h2>What {@code configure} does</h2>
 * It replaces ND4J's class loader by a {@link ServiceHidingClassLoader} that hides the service
 * files of the backend <em>not</em> chosen, so {@code Nd4jBackend.load()} can only find the chosen
 * one; for the GPU it first checks that the CUDA classes exist and that the CUDA backend reports
 * itself available, and turns every failure into a one-line {@link BackendUnavailableException}.
 * It then initialises ND4J, checks the backend class actually loaded, and applies the thread
 * count through {@link NativeThreads}.
 *
 * <h2>Threads</h2>
 * The default is {@value #DEFAULT_THREADS}, for both backends. On the CPU, ND4J's start-up counts
 * (one OpenMP/OpenBLAS thread per core) make every op that is large enough to run in parallel wait
 * for a worker that the OS has descheduled whenever anything else runs on the machine: measured on a
 * shared 2-core box with a VAE-sized MLP (100x784 batch, 784-400-400-784), the median op took
 * ~7.5 ms with the defaults (and ~4.5-7 ms with 2 threads set here) but ~0.5-0.75 ms with 1 thread
 * (see {@code ThreadTuningBenchmark} in the tests). nf4j's graphs are hundreds of small ops whose
 * cost is per-op overhead, so intra-op parallelism has little to win and a lot to lose. On a
 * dedicated many-core machine with large batches more threads may pay; hence the parameter. On the
 * GPU the count only governs host-side work, where 1 is also enough.
 *
 * <p>If ND4J was initialised before the first {@code configure} (there is no way to ask whether a
 * class is initialised without initialising it), the backend it runs is compared with the one asked
 * for: the same one is accepted and tuned, another one is an {@link IllegalStateException}.
 */
public final class Backends {

    /** Default native thread count for both backends; see the class comment for why it is 1. */
    public static final int DEFAULT_THREADS = 1;

    /**
     * Default OpenBLAS threads for one training with {@code threads} native threads on {@code cores}
     * cores: two (see {@link #configure(BackendChoice, int, int)}), or {@code threads} if more, but never
     * more than {@code cores / threads}: on 2 idle cores {@code --threads 2} with 2 BLAS threads made a
     * planar K = 10 step 4x slower than 1 and 2 (libnd4j's and OpenBLAS's threads compete), with 1 BLAS
     * thread 1.27x (src/site/markdown/speed.md).
     */
    public static int defaultBlasThreads(int threads, int cores) {
        return Math.max(1, Math.min(Math.max(threads, 2), cores / threads));
    }

    static final String CUDA_REQUIREMENTS = "nd4j-cuda-11.6 needs an NVIDIA driver for CUDA 11.6 or newer"
            + " and a GPU of compute capability 8.6 or lower (Ampere or older)";

    static final String GPU_MISSING_MESSAGE = "--gpu needs the CUDA backend, which is not on the classpath:"
            + " run on a machine with an NVIDIA driver (the Maven profile 'gpu' activates itself when"
            + " /proc/driver/nvidia/version exists) or add -Pgpu; " + CUDA_REQUIREMENTS;

    private static final Object LOCK = new Object();

    /** The backend ND4J was initialised with by a previous {@code configure}, or null. */
    private static BackendChoice initialisedWith;

    private Backends() {
    }

    /** {@link #configure(BackendChoice, int)} with {@link #DEFAULT_THREADS}. */
    public static String configure(BackendChoice choice) {
        return configure(choice, DEFAULT_THREADS);
    }

    /**
     * Forces the chosen backend, initialises ND4J with it and sets its native thread count.
     *
     * <p>Safe to call more than once in a JVM (as JUnit does): if ND4J is already running the chosen
     * backend only the thread count is applied.
     *
     * @param choice  the backend to use
     * @param threads native threads (OpenMP, libnd4j master threads, OpenBLAS), at least 1
     * @return a one-line description for run logs, e.g.
     *         {@code backend=cpu threads=1 (nd4j-native 1.0.0-M2.1)}
     * @throws BackendUnavailableException if the chosen backend is not on the classpath or cannot
     *                                     start here; the message says what to install or enable
     * @throws IllegalStateException       if ND4J was already initialised with the other backend
     * @throws IllegalArgumentException    if {@code threads < 1}
     */
    public static String configure(BackendChoice choice, int threads) {
        return configure(choice, threads, threads);
    }

    /**
     * As {@link #configure(BackendChoice, int)}, with OpenBLAS's own thread count: the products of
     * a compiled DLGM step are large enough for two BLAS threads to pay while every other op stays
     * on one thread (measured on 2 idle cores, batch 100: K = 20 19.3 -> 17.7 ms per step, K = 80
     * 49.5 -> 43.2 ms, K = 0 about the same); with other jobs on the cores they cost instead.
     *
     * @param blasThreads OpenBLAS threads (CPU backend; ignored on the GPU), at least 1
     */
    public static String configure(BackendChoice choice, int threads, int blasThreads) {
        if (blasThreads < 1) {
            throw new IllegalArgumentException("blas threads must be >= 1, got " + blasThreads);
        }
        if (choice == null) {
            throw new IllegalArgumentException("choice must not be null");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (!isOnClasspath(choice, baseLoader())) {
            throw new BackendUnavailableException(choice, choice == BackendChoice.GPU
                    ? GPU_MISSING_MESSAGE
                    : "the CPU backend (org.nd4j:" + choice.artifactId() + ") is not on the classpath");
        }
        synchronized (LOCK) {
            Nd4jBackend backend = initialisedWith != null ? Nd4j.getBackend() : initialise(choice);
            String actual = backend.getClass().getName();
            if (!actual.equals(choice.backendClassName())) {
                throw new IllegalStateException("ND4J is already running the " + actual
                        + " backend, not the " + choice.label() + " backend requested:"
                        + " call Backends.configure before anything uses Nd4j or SameDiff");
            }
            NativeThreads.apply(threads, blasThreads, choice == BackendChoice.CPU);
            return describe(choice, threads, choice == BackendChoice.CPU ? blasThreads : threads, backend);
        }
    }

    /** Whether the chosen backend's classes are on the classpath; never initialises anything. */
    public static boolean isOnClasspath(BackendChoice choice) {
        return isOnClasspath(choice, baseLoader());
    }

    /** The thread counts ND4J currently uses; initialises ND4J if it is not yet initialised. */
    public static ThreadState threadState() {
        return NativeThreads.current(isCpu(Nd4j.getBackend()));
    }

    private static Nd4jBackend initialise(BackendChoice choice) {
        ClassLoader base = baseLoader();
        ClassLoader previous = ND4JClassLoading.getNd4jClassloader();
        ServiceHidingClassLoader filter =
                new ServiceHidingClassLoader(base, choice.other().backendClassResource());
        if (choice == BackendChoice.GPU) {
            probeCuda(base);
        }
        ND4JClassLoading.setNd4jClassloader(filter);
        Nd4jBackend backend;
        try {
            backend = Nd4j.getBackend();
        } catch (LinkageError | RuntimeException e) {
            if (choice == BackendChoice.GPU) {
                throw new BackendUnavailableException(choice, cudaCannotStart(e), e);
            }
            throw new IllegalStateException("ND4J could not start the CPU backend: " + rootMessage(e), e);
        }
        if (!filter.backendLookupSeen()) {
            // ND4J was initialised before this call, without our filter (there is no way to ask
            // whether a class is initialised without initialising it): leave its loader alone and
            // let configure compare the backend it runs.
            ND4JClassLoading.setNd4jClassloader(previous);
            if (choice.backendClassName().equals(backend.getClass().getName())) {
                initialisedWith = choice;
            }
            return backend;
        }
        if (choice == BackendChoice.GPU && !choice.backendClassName().equals(backend.getClass().getName())) {
            throw new BackendUnavailableException(choice, "--gpu: ND4J loaded "
                    + backend.getClass().getSimpleName() + " instead of the CUDA backend; " + CUDA_REQUIREMENTS);
        }
        initialisedWith = choice;
        return backend;
    }

    /**
     * Asks the CUDA backend whether it can run (device count, cuBLAS), with {@code System.err}
     * muted because ND4J prints the stack trace of a failed probe.
     */
    private static void probeCuda(ClassLoader base) {
        PrintStream err = System.err;
        Throwable failure = null;
        boolean available = false;
        try {
            System.setErr(new PrintStream(OutputStream.nullOutputStream()));
            Class<?> c = Class.forName(BackendChoice.GPU.backendClassName(), true, base);
            Nd4jBackend probe = (Nd4jBackend) c.getDeclaredConstructor().newInstance();
            available = probe.isAvailable();
        } catch (Throwable t) {
            failure = t;
        } finally {
            System.setErr(err);
        }
        if (!available) {
            throw new BackendUnavailableException(BackendChoice.GPU, cudaCannotStart(failure), failure);
        }
    }

    /** What to install when the CUDA 11 libraries the backend links against are missing (DL4J-NOTES: CUDA). */
    static final String CUDA_LIBRARIES = "install the CUDA 11.x libraries libcublas.so.11 and libcusolver.so.11 "
            + "(a CUDA 11.6+ toolkit) or add -Pcuda-redist, which brings them from Maven (org.bytedeco:cuda-platform-redist)";

    static String cudaCannotStart(Throwable failure) {
        String why = failure == null ? "it reports itself unavailable" : rootMessage(failure);
        boolean librariesMissing = why.matches("(?is).*(cublas|cusolver|cudart|libcuda|jnicuda|no .* in java\\.library\\.path).*");
        return "--gpu: the CUDA backend is on the classpath but cannot start here (" + why + "); "
                + (librariesMissing ? CUDA_LIBRARIES + "; " : "") + CUDA_REQUIREMENTS + "; run without --gpu to use the CPU";
    }

    private static boolean isOnClasspath(BackendChoice choice, ClassLoader loader) {
        try {
            Class.forName(choice.backendClassName(), false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static ClassLoader baseLoader() {
        ClassLoader l = ServiceHidingClassLoader.unwrap(ND4JClassLoading.getNd4jClassloader());
        return l != null ? l : Backends.class.getClassLoader();
    }

    private static boolean isCpu(Nd4jBackend backend) {
        return BackendChoice.CPU.backendClassName().equals(backend.getClass().getName());
    }

    private static String describe(BackendChoice choice, int threads, int blasThreads, Nd4jBackend backend) {
        return "backend=" + choice.label() + " threads=" + threads + (blasThreads != threads ? " blas_threads=" + blasThreads : "")
                + " (" + choice.artifactId() + " " + version(choice, backend) + ")";
    }

    /** Version from the backend jar's Maven pom.properties, e.g. {@code 1.0.0-M2.1}. */
    private static String version(BackendChoice choice, Nd4jBackend backend) {
        String resource = "META-INF/maven/org.nd4j/" + choice.artifactId() + "/pom.properties";
        ClassLoader l = backend.getClass().getClassLoader();
        try (InputStream in = l == null ? null : l.getResourceAsStream(resource)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null) {
                    return v;
                }
            }
        } catch (IOException ignored) {
            // fall through
        }
        String v = backend.getClass().getPackage().getImplementationVersion();
        return v != null ? v : "version unknown";
    }

    /** The deepest cause's message on one line, or its class name if it has none. */
    static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        String m = r.getMessage();
        String s = (m == null || m.isBlank()) ? r.getClass().getSimpleName() : m;
        return s.replaceAll("\\s+", " ").trim();
    }
}
