package org.nf4j.toy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nf4j.exec.GraphRunner;
import org.nf4j.exec.StepResult;
import org.nf4j.logging.EventWriter;
import org.nf4j.runtime.NativeGarbage;
import org.nf4j.train.AnnealingSchedule;
import org.nf4j.train.Checkpoint;
import org.nf4j.train.ParameterUpdater;
import org.nf4j.train.ProgressLine;
import org.nf4j.train.StepNoise;
import org.nf4j.train.TrainingDivergedException;

/**
 * Trains a {@link ToyGroupModel} as {@link ToyTrainer} trains one {@link ToyModel}: the same noise,
 * annealing, Adam settings and checkpoints, with each group's gradient norm clipped on its own, so
 * that group g ends where a {@link ToyTrainer} run of target g would (up to rounding). Each group's
 * scalars go to its own event file.
 */
public final class ToyGroupTrainer {
    private final ToyGroupModel model;
    private final ToyConfig settings;
    private final PrintStream out;

    /**
     * @param settings the shared training settings (its target and folders are not used)
     */
    public ToyGroupTrainer(ToyGroupModel model, ToyConfig settings, PrintStream out) {
        this.model = model;
        this.settings = settings;
        this.out = out;
    }

    /** The settings a checkpoint must match: the targets and everything else that decides the trajectory. */
    public String trajectoryKey() {
        return "targets=" + model.targetNames() + " " + settings.trainingKey();
    }

    /**
     * Runs updates until {@code steps}, logging group g's scalars to {@code events.get(g)} (the list
     * may be null).
     *
     * @param checkpoint where to keep the checkpoint (null for none)
     * @return the update training started from: 0, or the step of the checkpoint it resumed
     */
    public int train(List<EventWriter> events, Path checkpoint) throws IOException {
        int groups = model.targets().size();
        List<String> params = model.trainableNames();
        Adam adam = settings.optimizer();
        ParameterUpdater updater = new ParameterUpdater(model.sameDiff(), params, adam);
        int steps = settings.steps();
        int first = checkpoint == null ? 0
                : ToyTrainer.resume(checkpoint, trajectoryKey(), steps, model.sameDiff(), updater, out);
        AnnealingSchedule schedule = new AnnealingSchedule(0.01, settings.annealSteps());
        StepNoise noise = new StepNoise(settings.seed());
        ProgressLine progress = new ProgressLine(out, first, steps, 5_000);
        List<String> outputs = List.of(model.lossName(), model.perGroupName());
        GraphRunner runner = GraphRunner.gradients(model.sameDiff(), outputs, params, settings.executor());
        double[] smoothed = new double[groups];
        Arrays.fill(smoothed, Double.NaN);
        for (int t = first; t < steps; t++) {
            double beta = schedule.beta(t);
            Map<String, INDArray> feed = model.feed(noise.at(t, settings.batch(), 2), beta);
            NativeGarbage.collectIfDue();
            StepResult step = runner.run(feed);
            double[] losses = step.outputs().get(model.perGroupName()).toDoubleVector();
            boolean finite = Arrays.stream(losses).allMatch(Double::isFinite);
            double[] norms = finite ? updater.apply(step.gradients(), t, settings.clipNorm(), groups) : losses;
            for (int g = 0; g < groups; g++) {
                if (!Double.isFinite(losses[g]) || !Double.isFinite(norms[g])) {
                    throw new TrainingDivergedException(String.format(Locale.ROOT,
                            "training diverged at step %d on %s: loss %s, gradient norm %s (try a smaller --lr)",
                            t, model.targets().get(g).name(), losses[g], norms[g]));
                }
                smoothed[g] = Double.isNaN(smoothed[g]) ? losses[g] : 0.99 * smoothed[g] + 0.01 * losses[g];
                if (events != null && (t % 100 == 0 || t == steps - 1)) {
                    events.get(g).scalar("train/free_energy", t, losses[g]);
                    events.get(g).scalar("train/beta", t, beta);
                    events.get(g).scalar("train/grad_norm", t, norms[g]);
                    events.get(g).scalar("train/learning_rate", t, adam.getLearningRate(t, 0));
                }
            }
            progress.update(t + 1, String.format(Locale.ROOT, "free energy %s beta %.3f", text(smoothed), beta));
            if (checkpoint != null && ((t + 1) % ToyTrainer.CHECKPOINT_EVERY == 0 || t + 1 == steps)) {
                Checkpoint.capture(model.sameDiff(), updater, t + 1, null, Double.NaN, trajectoryKey()).write(checkpoint);
            }
        }
        return first;
    }

    private String text(double[] smoothed) {
        StringBuilder b = new StringBuilder();
        for (int g = 0; g < smoothed.length; g++) {
            b.append(g == 0 ? "" : " ").append(model.targets().get(g).name())
                    .append(String.format(Locale.ROOT, " %.4f", smoothed[g]));
        }
        return b.toString();
    }
}
