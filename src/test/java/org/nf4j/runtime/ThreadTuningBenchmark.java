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
 * java -cp target/classes:target/test-classes:$(cat cp.txt) org.nf4j.runtime.ThreadTuningBenchmark MODE [THREADS] [REPS]
 *   MODE = default : ND4J's own thread settings (run without OMP_NUM_THREADS)
 *          tuned   : Backends.configure(CPU, THREADS) before anything else
 *          both    : default first, then NativeThreads.apply(THREADS) in the same JVM
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
        System.out.println("OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS") + " mode=" + mode);
        if (mode.equals("tuned")) {
            System.out.println(Backends.configure(BackendChoice.CPU, threads));
            System.out.println("ND4J class loader: "
                    + org.nd4j.common.config.ND4JClassLoading.getNd4jClassloader().getName());
        }
        System.out.println("threads: " + Backends.threadState());
        SameDiff sd = graph();
        Map<String, INDArray> in = Map.of("x", Nd4j.rand(DataType.FLOAT, BATCH, 2));
        int ops = sd.getOps().size();
        run(sd, in, ops, reps, mode.equals("both") ? "default" : mode);
        if (mode.equals("both")) {
            NativeThreads.apply(threads, true);
            System.out.println("threads: " + Backends.threadState());
            run(sd, in, ops, reps, "tuned(" + threads + ")");
        }
    }

    private static void run(SameDiff sd, Map<String, INDArray> in, int ops, int reps, String label) {
        for (int i = 0; i < Math.max(20, reps / 10); i++) {
            sd.output(in, "out");
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            sd.output(in, "out");
        }
        double msPerCall = (System.nanoTime() - t0) / 1e6 / reps;
        System.out.printf("%-10s ops/call=%d  %.3f ms/call  %.1f us/op%n",
                label, ops, msPerCall, 1000 * msPerCall / ops);
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
}
