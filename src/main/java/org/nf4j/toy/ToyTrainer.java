package org.nf4j.toy;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nf4j.logging.EventWriter;
import org.nf4j.train.AnnealingSchedule;
import org.nf4j.train.ParameterUpdater;
import org.nf4j.train.ProgressLine;
import org.nf4j.train.StepNoise;

/**
 * Minimises the annealed free energy of a {@link ToyModel} with Adam, fresh samples every update.
 * Stops with a clear error the moment the loss or the gradient is not finite.
 */
public final class ToyTrainer {
    private final ToyModel model;
    private final ToyConfig config;
    private final PrintStream out;

    public ToyTrainer(ToyModel model, ToyConfig config, PrintStream out) {
        this.model = model;
        this.config = config;
        this.out = out;
    }

    /** Runs {@code config.steps()} updates, logging scalars to {@code events} (may be null). */
    public void train(EventWriter events) {
        List<String> params = model.trainableNames();
        ParameterUpdater updater = new ParameterUpdater(model.sameDiff(), params, new Adam(config.learningRate()));
        AnnealingSchedule schedule = new AnnealingSchedule(0.01, config.annealSteps());
        StepNoise noise = new StepNoise(config.seed());
        ProgressLine progress = new ProgressLine(out, 0, config.steps(), 5_000);
        List<String> outputs = List.of(model.lossName());
        double smoothed = Double.NaN;
        for (int t = 0; t < config.steps(); t++) {
            double beta = schedule.beta(t);
            Map<String, INDArray> feed = Map.of(
                    "eps", noise.at(t, config.batch(), 2),
                    "beta", Nd4j.scalar(Nd4j.defaultFloatingPointType(), beta));
            OutAndGrad og = model.sameDiff().calculateGradientsAndOutputs(feed, outputs, params);
            double loss = og.getOutputs().get(model.lossName()).getDouble(0);
            Map<String, INDArray> grads = og.getGradients();
            double gradNorm = Double.isFinite(loss) ? updater.apply(grads, t, config.clipNorm()) : Double.NaN;
            if (!Double.isFinite(loss) || !Double.isFinite(gradNorm)) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "training diverged at step %d: loss %s, gradient norm %s (try a smaller --lr)", t, loss, gradNorm));
            }
            smoothed = Double.isNaN(smoothed) ? loss : 0.99 * smoothed + 0.01 * loss;
            if (events != null && (t % 100 == 0 || t == config.steps() - 1)) {
                events.scalar("train/free_energy", t, loss);
                events.scalar("train/beta", t, beta);
                events.scalar("train/grad_norm", t, gradNorm);
            }
            progress.update(t + 1, String.format(Locale.ROOT, "free energy %.4f beta %.3f", smoothed, beta));
        }
    }
}
