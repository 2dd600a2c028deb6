package org.nf4j.toy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.nd4j.linalg.learning.config.Adam;
import org.nf4j.config.Mappers;
import org.nf4j.config.Settings;
import org.nf4j.exec.Executor;
import org.nf4j.flows.FlowKind;
import org.nf4j.train.LinearDecay;

/**
 * Everything one 2-D run depends on. Defaults live in {@link #defaults}; each component is a setting
 * whose key is its name in kebab-case ({@code learningRate} is {@code learning-rate}, see {@link
 * Settings}), changed by {@link #with}; in {@code config.json} its name is in snake_case.
 *
 * @param target          u1..u4
 * @param flow            the flow kind
 * @param k               number of flow steps
 * @param steps           parameter updates
 * @param batch           samples of q0 per update (drawn fresh every update)
 * @param learningRate    Adam's initial learning rate
 * @param lrDecaySteps    the learning rate falls linearly from {@code learningRate} to 0 over this many
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
 *
 * <p>Java serialisation (a Spark task carries its cells' configs) writes the settings as text
 * ({@link #asMap()}, since {@link Path} is not serialisable) and reads them back through {@link #with}.
 */
public record ToyConfig(String target, FlowKind flow, int k, int steps, int batch, double learningRate,
                        int lrDecaySteps, double clipNorm, double annealSteps, long seed, int evalSamples,
                        int pictureSamples, Path out, Path logDir, Executor executor) implements Serializable {

    private static final Settings<ToyConfig> SETTINGS = new Settings<>(ToyConfig.class);

    /**
     * The settings that do not change the training trajectory: how long it runs, what is evaluated
     * and drawn after it, where it is written, and by which engine (both give the same numbers).
     */
    private static final Set<String> NOT_TRAJECTORY =
            Set.of("steps", "eval-samples", "picture-samples", "out", "log-dir", "executor");

    /** {@link #NOT_TRAJECTORY} and the target: what the runs of a group trained together may differ in. */
    private static final Set<String> NOT_TRAINING =
            Stream.concat(NOT_TRAJECTORY.stream(), Stream.of("target")).collect(Collectors.toUnmodifiableSet());

    /** What q0 is, for the reader of config.json (not a setting: it is always this). */
    private static final String Q0 = "N(mu, diag(sigma^2)), mu and log sigma learned, initially N(0, I)";

    /** The run's name: {@code <target>-<flow>-k<K>}. */
    public static String runName(String target, FlowKind flow, int k) {
        return target + "-" + flow.id() + "-k" + k;
    }

    /**
     * Defaults: 20,000 Adam updates of 256 samples, the learning rate falling linearly from 1e-3 to 0 over
     * them, the paper's annealing, 100,000 evaluation samples, the compiled executor.
     */
    public static ToyConfig defaults(String target, FlowKind flow, int k) {
        String name = runName(target, flow, k);
        return new ToyConfig(target, flow, k, 20_000, 256, 1e-3, 20_000, 100.0, 10_000, 1, 100_000, 1_000_000,
                Path.of("models", "toy", name), Path.of("logs", "toy", name), Executor.COMPILED);
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
        if (lrDecaySteps != 0 && lrDecaySteps < steps) {
            throw new IllegalArgumentException("--lr-decay must be 0 (constant rate) or at least --steps (" + steps
                    + "), got " + lrDecaySteps + ": the rate would be 0 for the last updates");
        }
    }

    /** Every setting as text, by key, in declaration order. */
    public Map<String, String> asMap() {
        return SETTINGS.asMap(this);
    }

    /** This config with {@code key} set from its text form. */
    public ToyConfig with(String key, String value) {
        return with(Map.of(key, value));
    }

    /** This config with every entry of {@code overrides} applied (then checked as a whole). */
    public ToyConfig with(Map<String, String> overrides) {
        return SETTINGS.with(this, overrides);
    }

    /** This config written to other folders. */
    public ToyConfig withFolders(Path out, Path logDir) {
        return with(Map.of("out", out.toString(), "log-dir", logDir.toString()));
    }

    /** The keys of the settings that decide the training trajectory up to any update t (all but {@link #NOT_TRAJECTORY}). */
    public Set<String> trajectoryKeys() {
        return asMap().keySet().stream().filter(k -> !NOT_TRAJECTORY.contains(k)).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The settings that decide the training trajectory up to any update t (all but {@link
     * #NOT_TRAJECTORY}), as {@code key=value} words: a checkpoint is resumed only when this key matches.
     */
    public String trajectoryKey() {
        return key(NOT_TRAJECTORY);
    }

    /** {@link #trajectoryKey()} without the target: what the runs of one group must share. */
    public String trainingKey() {
        return key(NOT_TRAINING);
    }

    private String key(Set<String> leftOut) {
        return asMap().entrySet().stream().filter(e -> !leftOut.contains(e.getKey()))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }

    /** Adam with this config's learning rate and its linear decay (if any). */
    public Adam optimizer() {
        return lrDecaySteps == 0 ? new Adam(learningRate)
                : new Adam(new LinearDecay(learningRate, lrDecaySteps));
    }

    /** The resolved configuration as JSON (for config.json and TensorBoard's text tab). */
    public String toJson() {
        ObjectNode json = Mappers.JSON.valueToTree(this);
        // facts for the reader rather than settings: appended here, not components of the record
        json.put("optimizer", "adam");
        json.put("q0", Q0);
        return Mappers.toJson(json);
    }

    /** Serialised as its settings' text. */
    private Object writeReplace() {
        return new SerialForm(asMap());
    }

    /** A config in transit: its settings by key. */
    private record SerialForm(Map<String, String> settings) implements Serializable {
        private Object readResolve() {
            return defaults(settings.get("target"), FlowKind.parse(settings.get("flow")), Integer.parseInt(settings.get("k")))
                    .with(settings);
        }
    }
}
