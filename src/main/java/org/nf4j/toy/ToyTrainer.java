package org.nf4j.toy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
 * Minimises the annealed free energy of a {@link ToyModel} with Adam, fresh samples every update.
 * Stops with a clear error the moment the loss or the gradient is not finite. Writes a checkpoint
 * every {@link #CHECKPOINT_EVERY} updates and at the end, and continues from it when one with the
 * same settings exists: the noise of update t is a function of (seed, t), so a resumed run is the
 * same as an uninterrupted one.
 */
public final class ToyTrainer {
    /** Updates between checkpoints. */
    public static final int CHECKPOINT_EVERY = 1000;

    private final ToyModel model;
    private final ToyConfig config;
    private final PrintStream out;

    public ToyTrainer(ToyModel model, ToyConfig config, PrintStream out) {
        this.model = model;
        this.config = config;
        this.out = out;
    }

    /**
     * Runs updates until {@code config.steps()}, logging scalars to {@code events} (may be null).
     *
     * @param checkpoint where to keep the checkpoint (null for none)
     * @return the update training started from: 0, or the step of the checkpoint it resumed
     */
    public int train(EventWriter events, Path checkpoint) throws IOException {
        List<String> params = model.trainableNames();
        Adam adam = config.optimizer();
        ParameterUpdater updater = new ParameterUpdater(model.sameDiff(), params, adam);
        int first = checkpoint == null ? 0
                : resume(checkpoint, config.trajectoryKey(), config.steps(), model.sameDiff(), updater, out);
        AnnealingSchedule schedule = new AnnealingSchedule(0.01, config.annealSteps());
        StepNoise noise = new StepNoise(config.seed());
        ProgressLine progress = new ProgressLine(out, first, config.steps(), 5_000);
        List<String> outputs = List.of(model.lossName());
        GraphRunner runner = GraphRunner.gradients(model.sameDiff(), outputs, params, config.executor());
        double smoothed = Double.NaN;
        for (int t = first; t < config.steps(); t++) {
            double beta = schedule.beta(t);
            Map<String, INDArray> feed = Map.of(
                    "eps", noise.at(t, config.batch(), 2),
                    "beta", Nd4j.scalar(Nd4j.defaultFloatingPointType(), beta));
            NativeGarbage.collectIfDue();
            StepResult step = runner.run(feed);
            double loss = step.outputs().get(model.lossName()).getDouble(0);
            Map<String, INDArray> grads = step.gradients();
            double gradNorm = Double.isFinite(loss) ? updater.apply(grads, t, config.clipNorm()) : Double.NaN;
            if (!Double.isFinite(loss) || !Double.isFinite(gradNorm)) {
                throw new TrainingDivergedException(String.format(Locale.ROOT,
                        "training diverged at step %d: loss %s, gradient norm %s (try a smaller --lr)", t, loss, gradNorm));
            }
            smoothed = Double.isNaN(smoothed) ? loss : 0.99 * smoothed + 0.01 * loss;
            if (events != null && (t % 100 == 0 || t == config.steps() - 1)) {
                events.scalar("train/free_energy", t, loss);
                events.scalar("train/beta", t, beta);
                events.scalar("train/grad_norm", t, gradNorm);
                events.scalar("train/learning_rate", t, adam.getLearningRate(t, 0));
            }
            progress.update(t + 1, String.format(Locale.ROOT, "free energy %.4f beta %.3f", smoothed, beta));
            if (checkpoint != null && ((t + 1) % CHECKPOINT_EVERY == 0 || t + 1 == config.steps())) {
                Checkpoint.capture(model.sameDiff(), updater, t + 1, null, Double.NaN, config.trajectoryKey())
                        .write(checkpoint);
            }
        }
        return first;
    }

    /**
     * Loads {@code file} into {@code sd} and {@code updater} when it was written with settings
     * {@code key} at a step not past {@code steps}; returns its step, or 0 (saying why) to start over.
     */
    static int resume(Path file, String key, int steps, SameDiff sd, ParameterUpdater updater, PrintStream out) {
        if (!Files.exists(file)) {
            return 0;
        }
        Checkpoint c;
        try {
            c = Checkpoint.read(file);
        } catch (IOException e) {
            out.println("starting over: cannot read " + file + " (" + e.getMessage() + ")");
            return 0;
        }
        if (!c.config().equals(key)) {
            out.println("starting over: " + file + " was trained with other settings (" + c.config() + ")");
            return 0;
        }
        if (c.step() > steps) {
            out.println("starting over: " + file + " is at update " + c.step() + ", past --steps " + steps);
            return 0;
        }
        c.restoreInto(sd, updater);
        out.println("resuming from update " + c.step() + " of " + file + " (delete it to start over)");
        return (int) c.step();
    }
}
