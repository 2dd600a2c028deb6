package org.nf4j.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nf4j.config.ConfigFile;
import org.nf4j.config.TrainConfig;
import picocli.CommandLine.Option;

/**
 * The training settings shared by {@code train} and {@code table2}: a config file, the common flags
 * and {@code --set KEY=VALUE}, resolved in that order over {@link TrainConfig#DEFAULTS}.
 */
public final class TrainingSettings {

    @Option(names = "--config", description = "a config file (key=value; see conf/); flags override it")
    Path configFile;

    @Option(names = "--steps", description = "parameter updates (overrides --epochs)")
    Long steps;

    @Option(names = "--epochs", description = "epochs of 50,000 examples (default: 30)")
    Integer epochs;

    @Option(names = "--batch", description = "default: 100")
    Integer batch;

    @Option(names = "--lr", description = "learning rate (default: 1e-3)")
    Double lr;

    @Option(names = "--optimizer", description = "adam, rmsprop (ND4J's, no momentum) or rmsprop-momentum (the paper's; --set rms-decay= momentum= rms-epsilon=) (default: adam)")
    String optimizer;

    @Option(names = "--seed", description = "training seed (default: 1)")
    Long seed;

    @Option(names = "--data-dir", description = "MNIST IDX files; fetched there if missing (default: data/mnist)")
    String dataDir;

    @Option(names = "--executor", description = "compiled or samediff (SameDiff's own session, for comparison; default: compiled)")
    String executor;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "any setting of a config file, e.g. --set anneal-steps=2000 (repeatable; applied last)")
    Map<String, String> settings = new LinkedHashMap<>();

    /** Defaults, then the config file, then the common flags and {@code extra} flags, then --set. */
    TrainConfig resolve(Map<String, String> extra) {
        return TrainConfig.DEFAULTS.with(overrides(extra));
    }

    /** What the user set, in the order it applies: the config file, the common flags and {@code extra} flags, --set. */
    Map<String, String> overrides(Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>();
        if (configFile != null) {
            all.putAll(ConfigFile.read(configFile));
        }
        Map<String, String> flags = new LinkedHashMap<>(extra);
        put(flags, "epochs", epochs);
        put(flags, "steps", steps);
        put(flags, "batch", batch);
        put(flags, "lr", lr);
        put(flags, "optimizer", optimizer);
        put(flags, "seed", seed);
        put(flags, "data-dir", dataDir);
        put(flags, "executor", executor);
        all.putAll(flags);
        all.putAll(settings);
        return all;
    }

    /** Sets {@code key} to the option's text when the option was given (not null). */
    static void put(Map<String, String> m, String key, Object value) {
        if (value != null) {
            m.put(key, value.toString());
        }
    }
}
