package org.nf4j.toy;

import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nf4j.exec.Executor;
import org.nf4j.exec.GraphRunner;
import org.nf4j.runtime.NativeGarbage;
import org.nf4j.train.StepNoise;

/** Estimates of a fitted {@link ToyModel}: the bound at beta = 1, and samples of q_K. */
public final class ToyEvaluation {
    static final int CHUNK = 20_000;

    private final ToyModel model;
    private final StepNoise noise;
    private final Executor executor;
    private long draws;

    public ToyEvaluation(ToyModel model, long seed) {
        this(model, seed, Executor.COMPILED);
    }

    /** @param executor what runs the graph over the chunks of samples */
    public ToyEvaluation(ToyModel model, long seed, Executor executor) {
        this.model = model;
        this.noise = new StepNoise(seed);
        this.executor = executor;
    }

    private Map<String, INDArray> feed(int n) {
        return Map.of("eps", noise.at(draws++, n, 2), "beta", Nd4j.scalar(Nd4j.defaultFloatingPointType(), 1.0));
    }

    /** E_q[ln q_K(z) + U(z)] = KL(q_K || p) - ln Z, from {@code samples} fresh samples. */
    public BoundEstimate bound(int samples) {
        BoundEstimate.Accumulator acc = new BoundEstimate.Accumulator();
        GraphRunner runner = GraphRunner.outputs(model.sameDiff(), List.of(model.perSampleName()), executor);
        for (int done = 0; done < samples; done += CHUNK) {
            int n = Math.min(CHUNK, samples - done);
            NativeGarbage.collectIfDue();
            INDArray v = runner.run(feed(n)).outputs().get(model.perSampleName());
            for (int i = 0; i < n; i++) {
                acc.add(v.getDouble(i));
            }
        }
        return acc.result();
    }

    /** {@code samples} draws of z_K, as [n][2]. */
    public double[][] samples(int samples) {
        double[][] out = new double[samples][];
        GraphRunner runner = GraphRunner.outputs(model.sameDiff(), List.of(model.samplesName()), executor);
        for (int done = 0; done < samples; done += CHUNK) {
            int n = Math.min(CHUNK, samples - done);
            NativeGarbage.collectIfDue();
            INDArray z = runner.run(feed(n)).outputs().get(model.samplesName());
            double[][] chunk = z.toDoubleMatrix();
            System.arraycopy(chunk, 0, out, done, n);
        }
        return out;
    }
}
