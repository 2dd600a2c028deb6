package org.nf4j.toy;

import java.nio.file.Path;
import java.util.Locale;
import org.nd4j.linalg.learning.config.Adam;
import org.nf4j.exec.Executor;
import org.nf4j.flows.FlowKind;
import org.nf4j.train.LinearDecay;

/**
 * Everything one 2-D run depends on. Defaults live in {@link #defaults}.
 *
 * @param target          u1..u4
 * @param flow            the flow kind
 * @param k               number of flow steps
 * @param steps           parameter updates
 * @param batch           samples of q0 per update (drawn fresh every update)
 * @param learningRate    Adam's initial learning rate
 * @param decaySteps      the learning rate falls linearly from {@code learningRate} to 0 over this many
 *                        updates (at least {@code steps}); 0 for a constant rate
 * @param clipNorm        global gradient-norm clipping, 0 for none
 * @param annealSteps     beta_t = min(1, 0.01 + t / annealSteps); 0 for beta = 1 throughout
 * @param seed            seeds parameters and samples
 * @param evalSamples     samples for the final bound at beta = 1
 * @param pictureSamples  samples for the histogram picture of flows without an inverse
 * @param out             the run's folder (summary.json, config.json, density.png)
 * @param logDir          the run's TensorBoard folder
 * @param executor        what runs the graph in the training and evaluation loops (not part of the
 *                        trajectory: both give the same numbers)
 */
public record ToyConfig(String target, FlowKind flow, int k, int steps, int batch, double learningRate,
                        int decaySteps, double clipNorm, double annealSteps, long seed, int evalSamples, int pictureSamples,
                        Path out, Path logDir, Executor executor) {

    /** A config run by the default (compiled) executor. */
    public ToyConfig(String target, FlowKind flow, int k, int steps, int batch, double learningRate, int decaySteps,
                     double clipNorm, double annealSteps, long seed, int evalSamples, int pictureSamples, Path out, Path logDir) {
        this(target, flow, k, steps, batch, learningRate, decaySteps, clipNorm, annealSteps, seed, evalSamples, pictureSamples,
                out, logDir, Executor.COMPILED);
    }

    /** This config run by {@code e}. */
    public ToyConfig withExecutor(Executor e) {
        return new ToyConfig(target, flow, k, steps, batch, learningRate, decaySteps, clipNorm, annealSteps, seed, evalSamples,
                pictureSamples, out, logDir, e);
    }

    /** The run's name: {@code <target>-<flow>-k<K>}. */
    public static String runName(String target, FlowKind flow, int k) {
        return target + "-" + flow.id() + "-k" + k;
    }

    /**
     * Defaults: 20,000 Adam updates of 256 samples, the learning rate falling linearly from 1e-3 to 0 over
     * them, the paper's annealing, 100,000 evaluation samples.
     */
    public static ToyConfig defaults(String target, FlowKind flow, int k) {
        String name = runName(target, flow, k);
        return new ToyConfig(target, flow, k, 20_000, 256, 1e-3, 20_000, 100.0, 10_000, 1, 100_000, 1_000_000,
                Path.of("models", "toy", name), Path.of("logs", "toy", name));
    }

    /** Checks ranges, with messages that say what is allowed. */
    public ToyConfig {
        if (executor == null) {
            throw new IllegalArgumentException("executor must be compiled or samediff");
        }
        if (k < 1) {
            throw new IllegalArgumentException("--k must be at least 1, got " + k);
        }
        if (steps < 0 || batch < 1 || evalSamples < 10_000 || pictureSamples < 0) {
            throw new IllegalArgumentException("need --steps >= 0, --batch >= 1, --eval-samples >= 10000 (got steps="
                    + steps + ", batch=" + batch + ", eval-samples=" + evalSamples + ")");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("--lr must be a positive number, got " + learningRate);
        }
        if (decaySteps != 0 && decaySteps < steps) {
            throw new IllegalArgumentException("--lr-decay must be 0 (constant rate) or at least --steps (" + steps
                    + "), got " + decaySteps + ": the rate would be 0 for the last updates");
        }
    }

    /**
     * The settings that decide the training trajectory up to any update t (not {@code steps}, the
     * evaluation or the folders): a checkpoint is resumed only when this key matches.
     */
    public String trajectoryKey() {
        return "target=" + target + " " + trainingKey();
    }

    /** {@link #trajectoryKey()} without the target: what the runs of one group must share. */
    public String trainingKey() {
        return String.format(Locale.ROOT, "flow=%s k=%d batch=%d lr=%s decay=%d clip=%s anneal=%s seed=%d",
                flow.id(), k, batch, learningRate, decaySteps, clipNorm, annealSteps, seed);
    }

    /** Adam with this config's learning rate and its linear decay (if any). */
    public Adam optimizer() {
        return decaySteps == 0 ? new Adam(learningRate)
                : new Adam(new LinearDecay(learningRate, decaySteps));
    }

    /** The resolved configuration as JSON. */
    public String toJson() {
        return String.format(Locale.ROOT, "{\n  \"target\": \"%s\",\n  \"flow\": \"%s\",\n  \"k\": %d,\n  \"steps\": %d,\n"
                        + "  \"batch\": %d,\n  \"optimizer\": \"adam\",\n  \"learning_rate\": %s,\n  \"lr_decay_steps\": %d,\n  \"clip_norm\": %s,\n"
                        + "  \"anneal_steps\": %s,\n  \"seed\": %d,\n  \"eval_samples\": %d,\n  \"picture_samples\": %d,\n"
                        + "  \"q0\": \"N(mu, diag(sigma^2)), mu and log sigma learned, initially N(0, I)\",\n"
                        + "  \"out\": \"%s\",\n  \"log_dir\": \"%s\",\n  \"executor\": \"%s\"\n}\n",
                target, flow.id(), k, steps, batch, learningRate, decaySteps, clipNorm, annealSteps, seed, evalSamples,
                pictureSamples, json(out), json(logDir), executor.key());
    }

    private static String json(Path p) {
        return p.toString().replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
