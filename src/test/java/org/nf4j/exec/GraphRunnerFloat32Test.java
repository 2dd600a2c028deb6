package org.nf4j.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nf4j.flows.FlowKind;
import org.nf4j.flows.FlowOptions;
import org.nf4j.model.DlgmModel;

/** The compiled step in float32, as nf4j trains: SameDiff's loss, outputs and gradients to 1e-5 relative. */
class GraphRunnerFloat32Test {
    private static final List<String> OUTPUTS = List.of(DlgmModel.LOSS, DlgmModel.NEG_ELBO, DlgmModel.KL, DlgmModel.LOG_DET);

    @Test
    void float32DlgmGradientsEqualSameDiffs() {
        assertEquals(DataType.FLOAT, Nd4j.defaultFloatingPointType(), "run in nf4j's default float32");
        for (FlowKind kind : List.of(FlowKind.PLANAR, FlowKind.NICE_PERM)) {
            DlgmModel model = new DlgmModel(kind, 4, 6, 20, 1, 0.05, 0.1, FlowOptions.defaults(), 5);
            SameDiff sd = model.sameDiff();
            List<String> params = model.trainableNames();
            GraphRunner runner = GraphRunner.gradients(sd, OUTPUTS, params, Executor.COMPILED);
            Random rng = new Random(3);
            for (int t = 0; t < 3; t++) {
                Map<String, INDArray> feed = feed(rng, 8, 6, 0.5 + 0.25 * t);
                OutAndGrad expected = sd.calculateGradientsAndOutputs(feed, OUTPUTS, params);
                StepResult actual = runner.run(feed);
                Equivalence.assertSameResults(kind + " step " + t + " output", expected.getOutputs(), actual.outputs(), 1e-5);
                Equivalence.assertSameResults(kind + " step " + t + " gradient", expected.getGradients(), actual.gradients(), 1e-5);
                for (String p : params) {
                    sd.getVariable(p).getArr().muli(1.01);
                }
            }
            assertEquals(Executor.COMPILED, runner.executor(), runner.fallbackReason().orElse(""));
        }
    }

    private static Map<String, INDArray> feed(Random rng, int rows, int latent, double beta) {
        float[] x = new float[rows * DlgmModel.PIXELS];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextDouble() < 0.3 ? 1f : 0f;
        }
        float[] eps = new float[rows * latent];
        for (int i = 0; i < eps.length; i++) {
            eps[i] = (float) rng.nextGaussian();
        }
        return Map.of("x", Nd4j.create(x, new long[] {rows, DlgmModel.PIXELS}, 'c'),
                "eps", Nd4j.create(eps, new long[] {rows, latent}, 'c'), "beta", Nd4j.scalar(DataType.FLOAT, beta));
    }
}
