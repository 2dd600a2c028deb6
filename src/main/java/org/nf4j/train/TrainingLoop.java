package org.nf4j.train;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nf4j.exec.Executor;
import org.nf4j.exec.GraphRunner;
import org.nf4j.exec.StepResult;
import org.nf4j.logging.EventWriter;
import org.nf4j.runtime.NativeGarbage;

/**
 * The one training loop of nf4j (MNIST, 2-D fits, grouped 2-D fits): it owns the update (compiled
 * or SameDiff step, updater, gradient-norm clipping per group), the annealing of beta, the stop on
 * a non-finite loss or gradient, checkpoints (every N updates and the last, the newest few kept,
 * {@code best.zip} on validation, or the last one for an objective without validation), resume, the
 * progress line and TensorBoard scalars. What is minimised and what data it reads is the {@link Objective}'s. An interrupted thread stops the loop
 * at the next update with an {@link InterruptedIOException} (a cancelled Spark task).
 */
public final class TrainingLoop {
    private final Objective objective;
    private final LoopSettings settings;
    private final CheckpointStore store;
    private final List<EventWriter> events;
    private final Executor executor;
    private final PrintStream out;

    /** What a finished loop reports. */
    public record Result(long firstStep, long steps, double[] losses, double lastValidation, double bestValidation,
                         double examplesPerSecond, Path lastCheckpoint) {
    }

    /**
     * @param store  where checkpoints go, or null for none (the settings must then not resume)
     * @param events one writer per group of the objective, or an empty list for no TensorBoard
     */
    public TrainingLoop(Objective objective, LoopSettings settings, CheckpointStore store, List<EventWriter> events,
                        Executor executor, PrintStream out) {
        if (!events.isEmpty() && events.size() != objective.groups().size()) {
            throw new IllegalArgumentException(events.size() + " event writers for " + objective.groups().size() + " groups");
        }
        this.objective = objective;
        this.settings = settings;
        this.store = store;
        this.events = List.copyOf(events);
        this.executor = executor;
        this.out = out;
    }

    public Result run() throws IOException {
        SameDiff sd = objective.sameDiff();
        List<String> params = objective.trainables();
        int groups = objective.groups().size();
        ParameterUpdater updater = new ParameterUpdater(sd, params, settings.updater());
        Optional<Checkpoint> resumed = resumePoint();
        long first = 0;
        double best = Double.POSITIVE_INFINITY;
        if (resumed.isPresent()) {
            Checkpoint c = resumed.get();
            List<String> differing = c.restoreInto(sd, updater);
            if (!differing.isEmpty()) {
                out.println("the checkpoint's constants replace this build's for " + differing.size() + " of them ("
                        + String.join(", ", differing) + ")");
            }
            objective.resumeAt(c.iterator());
            first = c.step();
            best = c.bestValidation();
        } else if (store != null) {
            store.clear();
        }
        long total = settings.steps();
        AnnealingSchedule schedule = new AnnealingSchedule(0.01, settings.annealSteps());
        ProgressLine progress = new ProgressLine(out, first, total, 5_000);
        GraphRunner plain = GraphRunner.gradients(sd, objective.outputs(false), params, executor);
        GraphRunner monitored = GraphRunner.gradients(sd, objective.outputs(true), params, executor);
        double[] smoothed = new double[groups];
        Arrays.fill(smoothed, Double.NaN);
        double[] losses = new double[groups];
        double lastValidation = Double.NaN;
        Path last = null;
        long examples = 0;
        long start = System.nanoTime();
        for (long step = first; step < total; ) {
            if (Thread.currentThread().isInterrupted()) {
                // a cancelled task (Spark interrupts its thread): stop at an update boundary
                throw new InterruptedIOException("training interrupted at update " + step + " (its checkpoints are kept)");
            }
            double beta = schedule.beta(step);
            boolean log = (step + 1) % settings.logEvery() == 0 || step + 1 == total;
            Map<String, INDArray> feed = objective.feed(step, beta);
            NativeGarbage.collectIfDue();
            StepResult result = (log ? monitored : plain).run(feed);
            losses = objective.losses(result.outputs());
            boolean finite = Arrays.stream(losses).allMatch(Double::isFinite);
            double[] norms = !finite ? losses
                    : groups == 1 ? new double[]{updater.apply(result.gradients(), (int) step, settings.clipNorm())}
                    : updater.apply(result.gradients(), (int) step, settings.clipNorm(), groups);
            stopIfNotFinite(step, losses, norms, last);
            step++;
            examples += objective.examplesLastUpdate();
            double rate = examples / Math.max(1e-9, (System.nanoTime() - start) / 1e9);
            for (int g = 0; g < groups; g++) {
                smoothed[g] = Double.isNaN(smoothed[g]) ? losses[g] : 0.99 * smoothed[g] + 0.01 * losses[g];
                if (log) {
                    // read on every monitored update, logged or not (objectives keep what they report from it)
                    Map<String, Double> terms = objective.monitored(result.outputs(), g);
                    if (!events.isEmpty()) {
                        logScalars(events.get(g), terms, step, losses[g], norms[g], beta, rate);
                    }
                }
            }
            boolean validate = step % settings.validateEvery() == 0 || step == total;
            if (validate) {
                lastValidation = objective.validate(step, events.isEmpty() ? null : events.get(0));
            }
            boolean better = validate && lastValidation < best;
            boolean checkpoint = step % settings.checkpointEvery() == 0 || step == total;
            // a run that never has a validation score keeps its final checkpoint as its best
            boolean finalAsBest = step == total && best == Double.POSITIVE_INFINITY && !better;
            if (store != null && (checkpoint || better)) {
                Checkpoint c = Checkpoint.capture(sd, updater, step, objective.position(),
                        better ? lastValidation : best, settings.config());
                if (checkpoint) {
                    last = store.save(c);
                }
                if (better || finalAsBest) {
                    best = better ? lastValidation : best;
                    store.saveBest(c);
                }
            }
            double validation = lastValidation;
            progress.update(step, () -> progressText(smoothed, beta, rate, validation));
        }
        double rate = examples / Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        return new Result(first, total, losses, lastValidation, best, rate, last);
    }

    /** The checkpoint to continue from, if the settings' resume policy finds one; says what it decided. */
    private Optional<Checkpoint> resumePoint() throws IOException {
        if (settings.resume() == LoopSettings.Resume.NEVER || store == null) {
            return Optional.empty();
        }
        boolean required = settings.resume() == LoopSettings.Resume.REQUIRED;
        if (store.steps().isEmpty()) {
            if (required) {
                out.println("no checkpoint in " + store.dir() + " yet (the run stopped before its first): starting from "
                        + "update 0 with the run's saved configuration");
            }
            return Optional.empty();
        }
        Optional<Checkpoint> found = store.latest(out);
        if (found.isEmpty()) {
            if (required) {
                throw new IllegalStateException("nothing to resume in " + store.dir() + ": no readable checkpoint");
            }
            out.println("starting over: no readable checkpoint in " + store.dir());
            return found;
        }
        Checkpoint c = found.get();
        Map<String, String> saved = c.config();
        Map<String, String> now = settings.config();
        List<String> model = SettingsDiff.keys(saved, now, settings.modelKeys());
        String problem = !model.isEmpty() ? "it was trained with other settings that change the model or its trajectory ("
                + SettingsDiff.describe(saved, now, model) + ")"
                : c.step() > settings.steps() ? "it is at update " + c.step() + ", past the " + settings.steps() + " asked for"
                : null;
        if (problem != null) {
            if (required) {
                throw new IllegalArgumentException("cannot resume from " + store.dir() + ": " + problem);
            }
            out.println("starting over: the checkpoint in " + store.dir() + " does not fit: " + problem);
            return Optional.empty();
        }
        HashSet<String> all = new HashSet<>(saved.keySet());
        all.addAll(now.keySet());
        List<String> changed = SettingsDiff.keys(saved, now, all);
        out.println("resuming from update " + c.step() + " in " + store.dir()
                + (changed.isEmpty() ? "" : " with changed settings: " + SettingsDiff.describe(saved, now, changed)));
        return found;
    }

    private void stopIfNotFinite(long step, double[] losses, double[] norms, Path last) {
        for (int g = 0; g < losses.length; g++) {
            if (!Double.isFinite(losses[g]) || !Double.isFinite(norms[g])) {
                throw new TrainingDivergedException(String.format(Locale.ROOT,
                        "training stopped at step %d%s: the %s is not finite (loss %s, gradient norm %s); the parameters "
                                + "were not updated and no checkpoint was written with them. Last good checkpoint: %s. %s",
                        step, losses.length > 1 ? " on " + objective.groups().get(g) : "",
                        Double.isFinite(losses[g]) ? "gradient" : "loss", losses[g], norms[g],
                        last == null ? "none" : last, settings.retryHint()));
            }
        }
    }

    private void logScalars(EventWriter e, Map<String, Double> terms, long step, double loss, double norm, double beta,
                            double rate) {
        e.scalar("train/free_energy", step, loss);
        e.scalar("train/beta", step, beta);
        e.scalar("train/grad_norm", step, norm);
        e.scalar("train/learning_rate", step, settings.updater().getLearningRate((int) step - 1, 0));
        e.scalar("train/examples_per_s", step, rate);
        terms.forEach((tag, v) -> e.scalar(tag, step, v));
    }

    private String progressText(double[] smoothed, double beta, double rate, double validation) {
        StringBuilder b = new StringBuilder();
        List<String> names = objective.groups();
        for (int g = 0; g < smoothed.length; g++) {
            b.append(g == 0 ? "" : " ").append(smoothed.length > 1 ? names.get(g) : "loss")
                    .append(String.format(Locale.ROOT, " %.4f", smoothed[g]));
        }
        String extra = objective.progress();
        b.append(String.format(Locale.ROOT, " | beta %.3f | %.0f ex/s", beta, rate)).append(extra.isEmpty() ? "" : " | " + extra);
        if (!Double.isNaN(validation)) {
            b.append(String.format(Locale.ROOT, " | validation %.2f", validation));
        }
        return b.toString();
    }
}
