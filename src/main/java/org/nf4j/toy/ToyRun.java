package org.nf4j.toy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.nf4j.flows.FlowOptions;
import org.nf4j.logging.EventWriter;
import org.nf4j.plot.FigureGrid;
import org.nf4j.targets.Energy2D;
import org.nf4j.targets.LogPartition;
import org.nf4j.targets.Targets;
import org.nf4j.train.ProgressLine;

/**
 * One 2-D experiment from start to finish: fit, estimate the bound with many samples, compute the
 * exact KL from a quadrature ln Z, draw the densities, and write everything to the run's folder.
 * An interrupted run continues from its checkpoint when run again with the same settings.
 */
public final class ToyRun {
    /** File names inside the run's folder (the checkpoint lets an interrupted run continue). */
    public static final String SUMMARY = "summary.json";
    public static final String CONFIG = "config.json";
    public static final String PICTURE = "density.png";
    public static final String LEARNED_TILE = "density-learned.png";
    public static final String CHECKPOINTS = "checkpoints";

    private ToyRun() {
    }

    public static ToySummary run(ToyConfig config, PrintStream out) throws IOException {
        Energy2D target = prepare(config, out);
        ToyModel model = new ToyModel(target, config.flow(), config.k(), FlowOptions.defaults(), config.seed());
        long start = System.nanoTime();
        try (EventWriter events = new EventWriter(config.logDir())) {
            events.text("config", 0, "```\n" + config.toJson() + "```");
            int resumedFrom = (int) ToyTraining.train(model, config, List.of(events), config.out().resolve(CHECKPOINTS), out);
            return evaluate(model, config, events, (System.nanoTime() - start) / 1e9, resumedFrom, 1, out);
        }
    }

    /** Makes the run's folder, writes its resolved config and names its target. */
    static Energy2D prepare(ToyConfig config, PrintStream out) throws IOException {
        Energy2D target = Targets.byName(config.target());
        Files.createDirectories(config.out());
        writeAtomically(config.out().resolve(CONFIG), config.toJson());
        out.println("target " + target.name() + ": " + target.description());
        return target;
    }

    /**
     * Everything after training: the bound at beta = 1 and the exact KL, the pictures and the
     * summary, written to the run's folder and scalars to {@code events}.
     *
     * @param seconds     the wall time of the training
     * @param trainedWith how many targets shared that training (1 for a run of its own)
     */
    static ToySummary evaluate(ToyModel model, ToyConfig config, EventWriter events, double seconds, int resumedFrom,
                               int trainedWith, PrintStream out) throws IOException {
        Energy2D target = Targets.byName(config.target());
        BoundEstimate bound = new ToyEvaluation(model, config.seed() + 1, config.executor()).bound(config.evalSamples());
        double logZ = LogPartition.of(target);
        boolean exact = model.flow().hasInverse();
        ToySummary summary = new ToySummary(target.name(), config.flow().id(), config.k(), config.steps(), bound.mean(),
                bound.stdErr(), bound.samples(), logZ, bound.mean() + logZ, seconds, exact ? "exact" : "histogram",
                resumedFrom, trainedWith);
        events.scalar("eval/bound", config.steps(), summary.bound());
        events.scalar("eval/exact_kl", config.steps(), summary.exactKl());
        BufferedImage learned = exact ? ToyPictures.exact(model)
                : ToyPictures.histogram(new ToyEvaluation(model, config.seed() + 2, config.executor()).samples(config.pictureSamples()));
        ImageIO.write(learned, "png", config.out().resolve(LEARNED_TILE).toFile());
        new FigureGrid(String.format(Locale.ROOT, "%s, %s K=%d: bound %.3f, KL %.3f nats", target.name(),
                config.flow().id(), config.k(), summary.bound(), summary.exactKl()), List.of(""),
                List.of("exp(-U)", "q_K (" + summary.density() + ")"))
                .set(0, 0, ToyPictures.target(target)).set(0, 1, learned)
                .write(config.out().resolve(PICTURE));
        writeAtomically(config.out().resolve(SUMMARY), summary.toJson());
        out.println(String.format(Locale.ROOT,
                "result %s %s K=%d: bound %.4f +- %.4f nats (%d samples), ln Z %.4f, exact KL %.4f nats; trained in %s%s%s; wrote %s",
                summary.target(), summary.flow(), summary.k(), summary.bound(), summary.boundSe(), summary.evalSamples(),
                summary.logZ(), summary.exactKl(), ProgressLine.duration(summary.trainSeconds()),
                trainedWith > 1 ? " together with " + (trainedWith - 1) + " other target" + (trainedWith > 2 ? "s" : "") : "",
                summary.resumedFrom() > 0 ? " (from update " + summary.resumedFrom() + ")" : "", config.out()));
        return summary;
    }

    /** Writes a temporary file next to {@code file}, then renames it over {@code file}. */
    static void writeAtomically(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
