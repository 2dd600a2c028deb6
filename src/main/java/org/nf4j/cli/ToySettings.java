package org.nf4j.cli;

import java.nio.file.Path;
import org.nf4j.toy.ToyConfig;
import picocli.CommandLine.Option;

/** The fit settings shared by {@code toy} and {@code toy-grid}; unset ones keep {@link ToyConfig}'s defaults. */
public final class ToySettings {

    @Option(names = "--steps", description = "parameter updates per run (default: 20000)")
    Integer steps;

    @Option(names = "--batch", description = "samples per update (default: 256)")
    Integer batch;

    @Option(names = "--lr", description = "Adam learning rate (default: 1e-3)")
    Double lr;

    @Option(names = "--seed", description = "random seed (default: 1)")
    Long seed;

    @Option(names = "--eval-samples", description = "samples for each final bound (default: 100000, at least 10000)")
    Integer evalSamples;

    /** {@code c} with the given options applied, and its folders replaced where out / logDir are not null. */
    ToyConfig over(ToyConfig c, Path out, Path logDir) {
        return new ToyConfig(c.target(), c.flow(), c.k(), or(steps, c.steps()), or(batch, c.batch()),
                or(lr, c.learningRate()), c.clipNorm(), c.annealSteps(), or(seed, c.seed()),
                or(evalSamples, c.evalSamples()), c.pictureSamples(), or(out, c.out()), or(logDir, c.logDir()));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
