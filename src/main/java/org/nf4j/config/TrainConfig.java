package org.nf4j.config;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything a DLGM + flow training run depends on. All defaults live in {@link #DEFAULTS}; a
 * config file and command-line flags override them by key ({@link #with}). Each component is a
 * setting whose key is its name in kebab-case ({@code runName} is {@code run-name}; see {@link
 * Settings}): a new setting is a new component, its default, and its check here, if any.
 */
public record TrainConfig(String flow, int k, long steps, int epochs, int batch, double lr, String optimizer,
                          long seed, String runName, String dataDir, int latent, int hidden, int maxoutPieces,
                          double clipNorm, int checkpointEvery, int keepCheckpoints, int validateEvery,
                          String binarization, double flowInitScale, int annealSteps, double flowLrScale,
                          boolean planarCentred, String executor, double rmsDecay, double momentum, double rmsEpsilon,
                          int trainDigits) implements Serializable {

    /** Valid optimizers. */
    public static final List<String> OPTIMIZERS = List.of("adam", "rmsprop", "rmsprop-momentum");

    /** The training digits a run may use: the first 50,000 (validation on the other 10,000) or all 60,000 (no validation). */
    public static final List<Integer> TRAIN_DIGITS = List.of(50_000, 60_000);

    /** The defaults: the paper's architecture with Adam for quick runs (declared after what their check reads). */
    public static final TrainConfig DEFAULTS = new TrainConfig("planar", 10, 0, 30, 100, 1e-3, "adam", 1, "",
            "data/mnist", 40, 400, 1, 100.0, 2000, 3, 2000, "dynamic", 0.01, 10_000, 0.1, false, "compiled",
            0.99, 0.9, 1e-8, 50_000);

    /** Keys and text forms of the components: the kebab-case of their names. */
    private static final Settings<TrainConfig> SETTINGS = new Settings<>(TrainConfig.class);

    /**
     * Lower-cases the names of choices (a config file may say {@code Adam}), then checks every value,
     * with messages that name the key and what is allowed.
     */
    public TrainConfig {
        flow = flow.toLowerCase(Locale.ROOT);
        optimizer = optimizer.toLowerCase(Locale.ROOT);
        binarization = binarization.toLowerCase(Locale.ROOT);
        executor = executor.toLowerCase(Locale.ROOT);
        require(k >= 0, "k must be >= 0, got " + k);
        require(steps >= 0, "steps must be >= 0, got " + steps);
        require(epochs >= 0, "epochs must be >= 0, got " + epochs);
        require(steps > 0 || epochs > 0, "give steps or epochs > 0");
        require(batch >= 1, "batch must be >= 1, got " + batch);
        require(lr > 0 && Double.isFinite(lr), "lr must be a positive number, got " + lr);
        require(OPTIMIZERS.contains(optimizer), "unknown optimizer '" + optimizer + "'; choose one of: "
                + String.join(", ", OPTIMIZERS));
        require(latent >= 2 && hidden >= 1 && maxoutPieces >= 1, "latent >= 2, hidden >= 1, maxout-pieces >= 1");
        require(checkpointEvery >= 1 && keepCheckpoints >= 1 && validateEvery >= 1,
                "checkpoint-every, keep-checkpoints and validate-every must be >= 1");
        require(binarization.equals("dynamic") || binarization.equals("static"),
                "binarization must be dynamic or static, got " + binarization);
        require(flowInitScale >= 0, "flow-init-scale must be >= 0");
        require(flowLrScale > 0 && Double.isFinite(flowLrScale), "flow-lr-scale must be a positive number, got " + flowLrScale);
        require(annealSteps >= 0, "anneal-steps must be >= 0 (0: beta = 1 throughout), got " + annealSteps);
        require(rmsDecay >= 0 && rmsDecay < 1, "rms-decay must be in [0, 1), got " + rmsDecay);
        require(momentum >= 0 && momentum < 1, "momentum must be in [0, 1), got " + momentum);
        require(rmsEpsilon > 0 && Double.isFinite(rmsEpsilon), "rms-epsilon must be a positive number, got " + rmsEpsilon);
        require(TRAIN_DIGITS.contains(trainDigits), "train-digits must be 50000 (the other 10,000 validate) or 60000 "
                + "(all, no validation), got " + trainDigits);
        require(executor.equals("compiled") || executor.equals("samediff"),
                "executor must be compiled or samediff, got '" + executor + "'");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Every setting as text, by key, in declaration order (the run name as given: empty means derived). */
    public Map<String, String> asMap() {
        return SETTINGS.asMap(this);
    }

    /** The keys a config file or {@link #with} accepts, in declaration order. */
    public static List<String> keys() {
        return List.copyOf(DEFAULTS.asMap().keySet());
    }

    /** This config with {@code key} set from its text form (whole numbers may be written 5e5, not 1.9). */
    public TrainConfig with(String key, String value) {
        return with(Map.of(key, value));
    }

    /** This config with every entry of {@code overrides} applied (then checked as a whole). */
    public TrainConfig with(Map<String, String> overrides) {
        return SETTINGS.with(this, overrides);
    }

    /** The run's folder name: the given run name, or {@code <flow>-k<K>-<optimizer>-seed<seed>}. */
    public String resolvedRunName() {
        return runName.isBlank() ? flow + "-k" + k + "-" + optimizer + "-seed" + seed : runName;
    }

    /**
     * key=value lines in declaration order, readable by {@link ConfigFile}: the resolved
     * configuration (with the resolved run name).
     */
    public String toProperties() {
        Map<String, String> m = asMap();
        m.put("run-name", resolvedRunName());
        return Mappers.toProperties(m);
    }
}
