package org.nf4j.config;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything a DLGM + flow training run depends on. All defaults live in {@link #DEFAULTS}; a
 * config file and command-line flags override them by key ({@link #with}).
 */
public record TrainConfig(String flow, int k, long steps, int epochs, int batch, double lr, String optimizer,
                          long seed, String runName, String dataDir, int latent, int hidden, int maxoutPieces,
                          double clipNorm, int checkpointEvery, int keepCheckpoints, int validateEvery,
                          String binarization, double flowInitScale, int annealSteps, double flowLrScale,
                          boolean planarCentred, String executor, double rmsDecay, double momentum, double rmsEpsilon) {

    /** Valid optimizers. */
    public static final List<String> OPTIMIZERS = List.of("adam", "rmsprop", "rmsprop-momentum");

    /** The defaults: the paper's architecture with Adam for quick runs. */
    public static final TrainConfig DEFAULTS = new TrainConfig("planar", 10, 0, 30, 100, 1e-3, "adam", 1, "",
            "data/mnist", 40, 400, 1, 100.0, 2000, 3, 2000, "dynamic", 0.01, 10_000, 0.1, false, "compiled",
            0.99, 0.9, 1e-8);

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
        require(rmsDecay >= 0 && rmsDecay < 1, "rms-decay must be in [0, 1), got " + rmsDecay);
        require(momentum >= 0 && momentum < 1, "momentum must be in [0, 1), got " + momentum);
        require(rmsEpsilon > 0 && Double.isFinite(rmsEpsilon), "rms-epsilon must be a positive number, got " + rmsEpsilon);
        require(executor.equals("compiled") || executor.equals("samediff"),
                "executor must be compiled or samediff, got '" + executor + "'");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * Every setting as text, by key, in file order: the one place that maps keys to fields (with
     * {@link #fromMap}). The run name is as given (empty: derived, see {@link #resolvedRunName()}).
     */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("flow", flow);
        m.put("k", Integer.toString(k));
        m.put("steps", Long.toString(steps));
        m.put("epochs", Integer.toString(epochs));
        m.put("batch", Integer.toString(batch));
        m.put("lr", Double.toString(lr));
        m.put("optimizer", optimizer);
        m.put("seed", Long.toString(seed));
        m.put("run-name", runName);
        m.put("data-dir", dataDir);
        m.put("latent", Integer.toString(latent));
        m.put("hidden", Integer.toString(hidden));
        m.put("maxout-pieces", Integer.toString(maxoutPieces));
        m.put("clip-norm", Double.toString(clipNorm));
        m.put("checkpoint-every", Integer.toString(checkpointEvery));
        m.put("keep-checkpoints", Integer.toString(keepCheckpoints));
        m.put("validate-every", Integer.toString(validateEvery));
        m.put("binarization", binarization);
        m.put("flow-init-scale", Double.toString(flowInitScale));
        m.put("anneal-steps", Integer.toString(annealSteps));
        m.put("flow-lr-scale", Double.toString(flowLrScale));
        m.put("planar-centred", Boolean.toString(planarCentred));
        m.put("executor", executor);
        m.put("rms-decay", Double.toString(rmsDecay));
        m.put("momentum", Double.toString(momentum));
        m.put("rms-epsilon", Double.toString(rmsEpsilon));
        return m;
    }

    /** The config of {@link #asMap()}'s text form; every key must be present. */
    private static TrainConfig fromMap(Map<String, String> m) {
        return new TrainConfig(lower(m, "flow"), integer(m, "k"), whole(m, "steps"), integer(m, "epochs"),
                integer(m, "batch"), number(m, "lr"), lower(m, "optimizer"), whole(m, "seed"), m.get("run-name"),
                m.get("data-dir"), integer(m, "latent"), integer(m, "hidden"), integer(m, "maxout-pieces"),
                number(m, "clip-norm"), integer(m, "checkpoint-every"), integer(m, "keep-checkpoints"),
                integer(m, "validate-every"), lower(m, "binarization"), number(m, "flow-init-scale"),
                integer(m, "anneal-steps"), number(m, "flow-lr-scale"), bool(m, "planar-centred"), lower(m, "executor"),
                number(m, "rms-decay"), number(m, "momentum"), number(m, "rms-epsilon"));
    }

    /** The keys a config file or {@link #with} accepts. */
    public static List<String> keys() {
        return List.copyOf(DEFAULTS.asMap().keySet());
    }

    /** This config with {@code key} set from its text form. */
    public TrainConfig with(String key, String value) {
        Map<String, String> m = asMap();
        if (!m.containsKey(key)) {
            throw new IllegalArgumentException("unknown setting '" + key + "'; valid settings: " + String.join(", ", keys()));
        }
        m.put(key, value.trim());
        return fromMap(m);
    }

    /** This config with every entry of {@code overrides} applied in order. */
    public TrainConfig with(Map<String, String> overrides) {
        TrainConfig c = this;
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            c = c.with(e.getKey(), e.getValue());
        }
        return c;
    }

    private static String lower(Map<String, String> m, String key) {
        return m.get(key).toLowerCase(Locale.ROOT);
    }

    private static double number(Map<String, String> m, String key) {
        String v = m.get(key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + v + "'");
        }
    }

    private static boolean bool(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
    }

    /** A whole number, also written as 5e5; "1.9" is refused, not truncated. */
    private static long whole(Map<String, String> m, String key) {
        String v = m.get(key);
        BigDecimal d;
        try {
            d = new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + v + "'");
        }
        if (d.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + v + "'");
        }
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(key + " is too large: " + v);
        }
    }

    private static int integer(Map<String, String> m, String key) {
        long v = whole(m, key);
        if (v != (int) v) {
            throw new IllegalArgumentException(key + " is too large: " + v);
        }
        return (int) v;
    }

    /** The run's folder name: the given run name, or {@code <flow>-k<K>-<optimizer>-seed<seed>}. */
    public String resolvedRunName() {
        return runName.isBlank() ? flow + "-k" + k + "-" + optimizer + "-seed" + seed : runName;
    }

    /** key=value lines, readable by {@link ConfigFile}: the resolved configuration (with the resolved run name). */
    public String toProperties() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : asMap().entrySet()) {
            String v = e.getKey().equals("run-name") ? resolvedRunName() : e.getValue();
            // a backslash is an escape in properties files (a Windows data-dir would lose its separators)
            b.append(e.getKey()).append('=').append(v.replace("\\", "\\\\")).append(System.lineSeparator());
        }
        return b.toString();
    }
}
