package org.nf4j.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Everything a DLGM + flow training run depends on. All defaults live in {@link #DEFAULTS}; a
 * config file and command-line flags override them by key ({@link #with}).
 */
public record TrainConfig(String flow, int k, long steps, int epochs, int batch, double lr, String optimizer,
                          long seed, String runName, String dataDir, int latent, int hidden, int maxoutPieces,
                          double clipNorm, int checkpointEvery, int keepCheckpoints, int validateEvery,
                          String binarization, double flowInitScale, int annealSteps, double flowLrScale,
                          boolean planarCentred, String executor) {

    /** Valid optimizers. */
    public static final List<String> OPTIMIZERS = List.of("adam", "rmsprop");

    /** The defaults: the paper's architecture with Adam for quick runs. */
    public static final TrainConfig DEFAULTS = new TrainConfig("planar", 10, 0, 30, 100, 1e-3, "adam", 1, "",
            "data/mnist", 40, 400, 1, 100.0, 2000, 3, 2000, "dynamic", 0.01, 10_000, 0.1, false, "compiled");

    /** Checks every value, with messages that name the key and what is allowed. */
    public TrainConfig {
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
        require(executor.equals("compiled") || executor.equals("samediff"),
                "executor must be compiled or samediff, got '" + executor + "'");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static final Map<String, BiFunction<TrainConfig, String, TrainConfig>> SETTERS = new LinkedHashMap<>();

    static {
        SETTERS.put("flow", (c, v) -> new TrainConfig(v.toLowerCase(Locale.ROOT), c.k, c.steps, c.epochs, c.batch, c.lr, c.optimizer, c.seed, c.runName, c.dataDir, c.latent, c.hidden, c.maxoutPieces, c.clipNorm, c.checkpointEvery, c.keepCheckpoints, c.validateEvery, c.binarization, c.flowInitScale, c.annealSteps, c.flowLrScale, c.planarCentred, c.executor));
        SETTERS.put("k", (c, v) -> new TrainConfig(c.flow, integer("k", v), c.steps, c.epochs, c.batch, c.lr, c.optimizer, c.seed, c.runName, c.dataDir, c.latent, c.hidden, c.maxoutPieces, c.clipNorm, c.checkpointEvery, c.keepCheckpoints, c.validateEvery, c.binarization, c.flowInitScale, c.annealSteps, c.flowLrScale, c.planarCentred, c.executor));
        SETTERS.put("steps", (c, v) -> new TrainConfig(c.flow, c.k, (long) number("steps", v), c.epochs, c.batch, c.lr, c.optimizer, c.seed, c.runName, c.dataDir, c.latent, c.hidden, c.maxoutPieces, c.clipNorm, c.checkpointEvery, c.keepCheckpoints, c.validateEvery, c.binarization, c.flowInitScale, c.annealSteps, c.flowLrScale, c.planarCentred, c.executor));
        SETTERS.put("epochs", (c, v) -> new TrainConfig(c.flow, c.k, c.steps, integer("epochs", v), c.batch, c.lr, c.optimizer, c.seed, c.runName, c.dataDir, c.latent, c.hidden, c.maxoutPieces, c.clipNorm, c.checkpointEvery, c.keepCheckpoints, c.validateEvery, c.binarization, c.flowInitScale, c.annealSteps, c.flowLrScale, c.planarCentred, c.executor));
        SETTERS.put("batch", (c, v) -> new TrainConfig(c.flow, c.k, c.steps, c.epochs, integer("batch", v), c.lr, c.optimizer, c.seed, c.runName, c.dataDir, c.latent, c.hidden, c.maxoutPieces, c.clipNorm, c.checkpointEvery, c.keepCheckpoints, c.validateEvery, c.binarization, c.flowInitScale, c.annealSteps, c.flowLrScale, c.planarCentred, c.executor));
        SETTERS.put("lr", (c, v) -> new TrainConfig(c.flow, c.k, c.steps, c.epochs, c.batch, number("lr", v), c.optimizer, c.seed, c.runName, c.dataDir, c.latent, c.hidden, c.maxoutPieces, c.clipNorm, c.checkpointEvery, c.keepCheckpoints, c.validateEvery, c.binarization, c.flowInitScale, c.annealSteps, c.flowLrScale, c.planarCentred, c.executor));
        SETTERS.put("optimizer", (c, v) -> new TrainConfig(c.flow, c.k, c.steps, c.epochs, c.batch, c.lr, v.toLowerCase(Locale.ROOT), c.seed, c.runName, c.dataDir, c.latent, c.hidden, c.maxoutPieces, c.clipNorm, c.checkpointEvery, c.keepCheckpoints, c.validateEvery, c.binarization, c.flowInitScale, c.annealSteps, c.flowLrScale, c.planarCentred, c.executor));
        SETTERS.put("seed", (c, v) -> new TrainConfig(c.flow, c.k, c.steps, c.epochs, c.batch, c.lr, c.optimizer, (long) number("seed", v), c.runName, c.dataDir, c.latent, c.hidden, c.maxoutPieces, c.clipNorm, c.checkpointEvery, c.keepCheckpoints, c.validateEvery, c.binarization, c.flowInitScale, c.annealSteps, c.flowLrScale, c.planarCentred, c.executor));
        SETTERS.put("run-name", (c, v) -> new TrainConfig(c.flow, c.k, c.steps, c.epochs, c.batch, c.lr, c.optimizer, c.seed, v, c.dataDir, c.latent, c.hidden, c.maxoutPieces, c.clipNorm, c.checkpointEvery, c.keepCheckpoints, c.validateEvery, c.binarization, c.flowInitScale, c.annealSteps, c.flowLrScale, c.planarCentred, c.executor));
        SETTERS.put("data-dir", (c, v) -> new TrainConfig(c.flow, c.k, c.steps, c.epochs, c.batch, c.lr, c.optimizer, c.seed, c.runName, v, c.latent, c.hidden, c.maxoutPieces, c.clipNorm, c.checkpointEvery, c.keepCheckpoints, c.validateEvery, c.binarization, c.flowInitScale, c.annealSteps, c.flowLrScale, c.planarCentred, c.executor));
        SETTERS.put("latent", (c, v) -> new TrainConfig(c.flow, c.k, c.steps, c.epochs, c.batch, c.lr, c.optimizer, c.seed, c.runName, c.dataDir, integer("latent", v), c.hidden, c.maxoutPieces, c.clipNorm, c.checkpointEvery, c.keepCheckpoints, c.validateEvery, c.binarization, c.flowInitScale, c.annealSteps, c.flowLrScale, c.planarCentred, c.executor));
        SETTERS.put("hidden", (c, v) -> new TrainConfig(c.flow, c.k, c.steps, c.epochs, c.batch, c.lr, c.optimizer, c.seed, c.runName, c.dataDir, c.latent, integer("hidden", v), c.maxoutPieces, c.clipNorm, c.checkpointEvery, c.keepCheckpoints, c.validateEvery, c.binarization, c.flowInitScale, c.annealSteps, c.flowLrScale, c.planarCentred, c.executor));
        SETTERS.put("maxout-pieces", (c, v) -> new TrainConfig(c.flow, c.k, c.steps, c.epochs, c.batch, c.lr, c.optimizer, c.seed, c.runName, c.dataDir, c.latent, c.hidden, integer("maxout-pieces", v), c.clipNorm, c.checkpointEvery, c.keepCheckpoints, c.validateEvery, c.binarization, c.flowInitScale, c.annealSteps, c.flowLrScale, c.planarCentred, c.executor));
        SETTERS.put("clip-norm", (c, v) -> new TrainConfig(c.flow, c.k, c.steps, c.epochs, c.batch, c.lr, c.optimizer, c.seed, c.runName, c.dataDir, c.latent, c.hidden, c.maxoutPieces, number("clip-norm", v), c.checkpointEvery, c.keepCheckpoints, c.validateEvery, c.binarization, c.flowInitScale, c.annealSteps, c.flowLrScale, c.planarCentred, c.executor));
        SETTERS.put("checkpoint-every", (c, v) -> new TrainConfig(c.flow, c.k, c.steps, c.epochs, c.batch, c.lr, c.optimizer, c.seed, c.runName, c.dataDir, c.latent, c.hidden, c.maxoutPieces, c.clipNorm, integer("checkpoint-every", v), c.keepCheckpoints, c.validateEvery, c.binarization, c.flowInitScale, c.annealSteps, c.flowLrScale, c.planarCentred, c.executor));
        SETTERS.put("keep-checkpoints", (c, v) -> new TrainConfig(c.flow, c.k, c.steps, c.epochs, c.batch, c.lr, c.optimizer, c.seed, c.runName, c.dataDir, c.latent, c.hidden, c.maxoutPieces, c.clipNorm, c.checkpointEvery, integer("keep-checkpoints", v), c.validateEvery, c.binarization, c.flowInitScale, c.annealSteps, c.flowLrScale, c.planarCentred, c.executor));
        SETTERS.put("validate-every", (c, v) -> new TrainConfig(c.flow, c.k, c.steps, c.epochs, c.batch, c.lr, c.optimizer, c.seed, c.runName, c.dataDir, c.latent, c.hidden, c.maxoutPieces, c.clipNorm, c.checkpointEvery, c.keepCheckpoints, integer("validate-every", v), c.binarization, c.flowInitScale, c.annealSteps, c.flowLrScale, c.planarCentred, c.executor));
        SETTERS.put("binarization", (c, v) -> new TrainConfig(c.flow, c.k, c.steps, c.epochs, c.batch, c.lr, c.optimizer, c.seed, c.runName, c.dataDir, c.latent, c.hidden, c.maxoutPieces, c.clipNorm, c.checkpointEvery, c.keepCheckpoints, c.validateEvery, v.toLowerCase(Locale.ROOT), c.flowInitScale, c.annealSteps, c.flowLrScale, c.planarCentred, c.executor));
        SETTERS.put("flow-init-scale", (c, v) -> new TrainConfig(c.flow, c.k, c.steps, c.epochs, c.batch, c.lr, c.optimizer, c.seed, c.runName, c.dataDir, c.latent, c.hidden, c.maxoutPieces, c.clipNorm, c.checkpointEvery, c.keepCheckpoints, c.validateEvery, c.binarization, number("flow-init-scale", v), c.annealSteps, c.flowLrScale, c.planarCentred, c.executor));
        SETTERS.put("anneal-steps", (c, v) -> new TrainConfig(c.flow, c.k, c.steps, c.epochs, c.batch, c.lr, c.optimizer, c.seed, c.runName, c.dataDir, c.latent, c.hidden, c.maxoutPieces, c.clipNorm, c.checkpointEvery, c.keepCheckpoints, c.validateEvery, c.binarization, c.flowInitScale, integer("anneal-steps", v), c.flowLrScale, c.planarCentred, c.executor));
        SETTERS.put("flow-lr-scale", (c, v) -> new TrainConfig(c.flow, c.k, c.steps, c.epochs, c.batch, c.lr, c.optimizer, c.seed, c.runName, c.dataDir, c.latent, c.hidden, c.maxoutPieces, c.clipNorm, c.checkpointEvery, c.keepCheckpoints, c.validateEvery, c.binarization, c.flowInitScale, c.annealSteps, number("flow-lr-scale", v), c.planarCentred, c.executor));
        SETTERS.put("planar-centred", (c, v) -> new TrainConfig(c.flow, c.k, c.steps, c.epochs, c.batch, c.lr, c.optimizer, c.seed, c.runName, c.dataDir, c.latent, c.hidden, c.maxoutPieces, c.clipNorm, c.checkpointEvery, c.keepCheckpoints, c.validateEvery, c.binarization, c.flowInitScale, c.annealSteps, c.flowLrScale, bool("planar-centred", v), c.executor));
        SETTERS.put("executor", (c, v) -> new TrainConfig(c.flow, c.k, c.steps, c.epochs, c.batch, c.lr, c.optimizer, c.seed, c.runName, c.dataDir, c.latent, c.hidden, c.maxoutPieces, c.clipNorm, c.checkpointEvery, c.keepCheckpoints, c.validateEvery, c.binarization, c.flowInitScale, c.annealSteps, c.flowLrScale, c.planarCentred, v.toLowerCase(Locale.ROOT)));
    }

    /** The keys a config file or {@link #with} accepts. */
    public static List<String> keys() {
        return List.copyOf(SETTERS.keySet());
    }

    /** This config with {@code key} set from its text form. */
    public TrainConfig with(String key, String value) {
        BiFunction<TrainConfig, String, TrainConfig> setter = SETTERS.get(key);
        if (setter == null) {
            throw new IllegalArgumentException("unknown setting '" + key + "'; valid settings: " + String.join(", ", keys()));
        }
        return setter.apply(this, value.trim());
    }

    /** This config with every entry of {@code overrides} applied in order. */
    public TrainConfig with(Map<String, String> overrides) {
        TrainConfig c = this;
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            c = c.with(e.getKey(), e.getValue());
        }
        return c;
    }

    private static double number(String key, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + v + "'");
        }
    }

    private static boolean bool(String key, String v) {
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
    }

    private static int integer(String key, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + v + "'");
        }
    }

    /** The run's folder name: the given run name, or {@code <flow>-k<K>-<optimizer>-seed<seed>}. */
    public String resolvedRunName() {
        return runName.isBlank() ? flow + "-k" + k + "-" + optimizer + "-seed" + seed : runName;
    }

    /** key=value lines, readable by {@link ConfigFile}: the resolved configuration. */
    public String toProperties() {
        return String.format(Locale.ROOT, "flow=%s%nk=%d%nsteps=%d%nepochs=%d%nbatch=%d%nlr=%s%noptimizer=%s%nseed=%d%n"
                        + "run-name=%s%ndata-dir=%s%nlatent=%d%nhidden=%d%nmaxout-pieces=%d%nclip-norm=%s%n"
                        + "checkpoint-every=%d%nkeep-checkpoints=%d%nvalidate-every=%d%nbinarization=%s%nflow-init-scale=%s%nanneal-steps=%d%nflow-lr-scale=%s%nplanar-centred=%s%nexecutor=%s%n",
                flow, k, steps, epochs, batch, lr, optimizer, seed, resolvedRunName(), dataDir, latent, hidden, maxoutPieces,
                clipNorm, checkpointEvery, keepCheckpoints, validateEvery, binarization, flowInitScale, annealSteps, flowLrScale, planarCentred, executor);
    }
}
