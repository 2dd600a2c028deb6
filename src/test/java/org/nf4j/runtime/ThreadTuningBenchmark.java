package org.nf4j.runtime;

import java.util.Map;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Hand-run measurement (not a test) of the per-op time of a small SameDiff graph: 16 planar-flow
 * steps on a 256x2 batch, executed many times.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) org.nf4j.runtime.ThreadTuningBenchmark MODE [THREADS] [REPS] [GRAPH]
 *   MODE = default : ND4J's own thread settings (run without OMP_NUM_THREADS)
 *          tuned   : Backends.configure(CPU, THREADS) before anything else
 *          both    : default first, then NativeThreads.apply(THREADS) in the same JVM
 *          ab      : one JVM, windows alternating between ND4J's start-up counts and THREADS, so
 *                    that load from other processes hits both alike (the fair test on a busy box)
 *   GRAPH = planar : 16 planar steps on a 256x2 batch (81 ops on tiny tensors; default)
 *           mlp    : VAE-sized MLP on a 100x784 batch, 784-400-400-784 (tensors big enough for
 *                    libnd4j and OpenBLAS to run multi-threaded)
 * </pre>
 */
public final class ThreadTuningBenchmark {

    private static final int STEPS = 16;
    private static final int BATCH = 256;

    private ThreadTuningBenchmark() {
    }

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "both";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        boolean mlp = args.length > 3 && args[3].equals("mlp");
        System.out.println("OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS") + " mode=" + mode);
        if (mode.equals("tuned")) {
            System.out.println(Backends.configure(BackendChoice.CPU, threads));
            System.out.println("ND4J class loader: "
                    + org.nd4j.common.config.ND4JClassLoading.getNd4jClassloader().getName());
        }
        System.out.println("threads: " + Backends.threadState());
        SameDiff sd = mlp ? mlpGraph() : graph();
        Map<String, INDArray> in = Map.of("x", mlp ? Nd4j.rand(DataType.FLOAT, 100, 784)
                : Nd4j.rand(DataType.FLOAT, BATCH, 2));
        int ops = sd.getOps().size();
        if (mode.equals("ab")) {
            alternate(sd, in, ops, reps, threads);
            return;
        }
        run(sd, in, ops, reps, mode.equals("both") ? "default" : mode);
        if (mode.equals("both")) {
            NativeThreads.apply(threads, true);
            System.out.println("threads: " + Backends.threadState());
            run(sd, in, ops, reps, "tuned(" + threads + ")");
        }
    }

    /** Runs 10 windows of {@code reps/10} calls; reports the fastest and the median window. */
    private static void run(SameDiff sd, Map<String, INDArray> in, int ops, int reps, String label) {
        for (int i = 0; i < Math.max(20, reps / 10); i++) {
            sd.output(in, "out");
        }
        int windows = 10;
        int perWindow = Math.max(1, reps / windows);
        double[] ms = new double[windows];
        for (int w = 0; w < windows; w++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < perWindow; i++) {
                sd.output(in, "out");
            }
            ms[w] = (System.nanoTime() - t0) / 1e6 / perWindow;
        }
        java.util.Arrays.sort(ms);
        double median = (ms[windows / 2 - 1] + ms[windows / 2]) / 2;
        System.out.printf("%-10s ops/call=%d  best %.3f ms/call = %.1f us/op   median %.3f ms/call = %.1f us/op%n",
                label, ops, ms[0], 1000 * ms[0] / ops, median, 1000 * median / ops);
    }

    /** Alternates windows of ND4J's own thread counts (A) and {@code threads} (B). */
    private static void alternate(SameDiff sd, Map<String, INDArray> in, int ops, int reps, int threads) {
        ThreadState start = Backends.threadState();
        int windows = 20;
        int perWindow = Math.max(1, reps / windows);
        double[] a = new double[windows];
        double[] b = new double[windows];
        double[] ratio = new double[windows];
        for (int i = 0; i < 50; i++) {
            sd.output(in, "out");
        }
        for (int w = 0; w < windows; w++) {
            NativeThreads.apply(start.ompMaxThreads(), true);
            Nd4j.getEnvironment().setMaxMasterThreads(start.maxMasterThreads());
            Nd4j.factory().blas().setMaxThreads(start.blasThreads());
            a[w] = window(sd, in, perWindow);
            NativeThreads.apply(threads, true);
            b[w] = window(sd, in, perWindow);
            ratio[w] = a[w] / b[w];
        }
        java.util.Arrays.sort(a);
        java.util.Arrays.sort(b);
        java.util.Arrays.sort(ratio);
        System.out.printf("A %-9s best %.1f us/op  median %.1f us/op%n", start.toString().replace(" ", ","),
                1000 * a[0] / ops, 1000 * a[windows / 2] / ops);
        System.out.printf("B threads=%d best %.1f us/op  median %.1f us/op%n", threads,
                1000 * b[0] / ops, 1000 * b[windows / 2] / ops);
        System.out.printf("median per-window speed-up A/B = %.2f  (ops/call=%d, %d calls per window)%n",
                ratio[windows / 2], ops, perWindow);
    }

    private static double window(SameDiff sd, Map<String, INDArray> in, int calls) {
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            sd.output(in, "out");
        }
        return (System.nanoTime() - t0) / 1e6 / calls;
    }

    /** z_{k+1} = z_k + u_k * tanh(z_k w_k + b_k), then out = sum(z_K). */
    private static SameDiff graph() {
        SameDiff sd = SameDiff.create();
        SDVariable z = sd.placeHolder("x", DataType.FLOAT, -1, 2);
        for (int k = 0; k < STEPS; k++) {
            SDVariable w = sd.var("w" + k, Nd4j.rand(DataType.FLOAT, 2, 1));
            SDVariable u = sd.var("u" + k, Nd4j.rand(DataType.FLOAT, 1, 2));
            SDVariable b = sd.var("b" + k, Nd4j.rand(DataType.FLOAT, 1, 1));
            z = z.add(sd.math().tanh(z.mmul(w).add(b)).mmul(u));
        }
        sd.sum("out", z);
        return sd;
    }

    /** x -> tanh(x W1 + b1) -> tanh(. W2 + b2) -> sigmoid(. W3 + b3), out = sum of squares. */
    private static SameDiff mlpGraph() {
        SameDiff sd = SameDiff.create();
        SDVariable h = sd.placeHolder("x", DataType.FLOAT, -1, 784);
        int[] sizes = {784, 400, 400, 784};
        for (int i = 0; i < 3; i++) {
            SDVariable w = sd.var("W" + i, Nd4j.randn(DataType.FLOAT, sizes[i], sizes[i + 1]).muli(0.05));
            SDVariable b = sd.var("b" + i, Nd4j.zeros(DataType.FLOAT, 1, sizes[i + 1]));
            SDVariable pre = h.mmul(w).add(b);
            h = i < 2 ? sd.math().tanh(pre) : sd.nn().sigmoid(pre);
        }
        sd.sum("out", h.mul(h));
        return sd;
    }
}
