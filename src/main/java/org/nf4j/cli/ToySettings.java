package org.nf4j.cli;

import java.nio.file.Path;
import org.nf4j.exec.Executor;
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
        int updates = or(steps, c.steps());
        int decay = lrDecay != null ? lrDecay : c.decaySteps() == 0 ? 0 : updates;
        return new ToyConfig(c.target(), c.flow(), c.k(), updates, or(batch, c.batch()),
                or(lr, c.learningRate()), decay, c.clipNorm(), c.annealSteps(), or(seed, c.seed()),
                or(evalSamples, c.evalSamples()), c.pictureSamples(), or(out, c.out()), or(logDir, c.logDir()),
                executor == null ? c.executor() : Executor.parse(executor));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
