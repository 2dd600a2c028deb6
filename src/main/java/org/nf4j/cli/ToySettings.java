package org.nf4j.cli;

import static org.nf4j.cli.TrainingSettings.put;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nf4j.toy.ToyConfig;
import picocli.CommandLine.Option;

/** The fit settings shared by {@code toy} and {@code toy-grid}; unset ones keep {@link ToyConfig}'s defaults. */
public final class ToySettings {

    @Option(names = "--steps", description = "parameter updates per run (default: 20000)")
    Integer steps;

    @Option(names = "--batch", description = "samples per update (default: 256)")
    Integer batch;

    @Option(names = "--lr", description = "Adam's initial learning rate (default: 1e-3)")
    Double lr;

    @Option(names = "--lr-decay", paramLabel = "UPDATES",
            description = "the learning rate falls linearly to 0 over this many updates, at least --steps; "
                    + "0 for a constant rate (default: --steps)")
    Integer lrDecay;

    @Option(names = "--seed", description = "random seed (default: 1)")
    Long seed;

    @Option(names = "--eval-samples", description = "samples for each final bound (default: 100000, at least 10000)")
    Integer evalSamples;

    @Option(names = "--executor", description = "compiled or samediff (SameDiff's own session, for comparison; default: compiled)")
    String executor;

    /** {@code c} with the given options applied, and its folders replaced where out / logDir are not null. */
    ToyConfig over(ToyConfig c, Path out, Path logDir) {
        Map<String, String> given = new LinkedHashMap<>();
        put(given, "steps", steps);
        put(given, "batch", batch);
        put(given, "learning-rate", lr);
        // the rate keeps decaying over the whole run (unless it was constant) when --steps changes its length
        int updates = steps != null ? steps : c.steps();
        put(given, "lr-decay-steps", lrDecay != null ? lrDecay : c.lrDecaySteps() == 0 ? 0 : updates);
        put(given, "seed", seed);
        put(given, "eval-samples", evalSamples);
        put(given, "executor", executor);
        put(given, "out", out);
        put(given, "log-dir", logDir);
        return c.with(given);
    }
}
