package org.nf4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.nf4j.train.DlgmTrainer;

/** Finding a run folder under {@code models/}: by name, or the most recently written one. */
final class RunFolders {
    /** A run's checkpoint folder. */
    static final String CHECKPOINTS = "checkpoints";

    private RunFolders() {
    }

    /** {@code models/<name>} if it has checkpoints; with a null or empty name, the latest such run. */
    static Path find(Path models, String name) throws IOException {
        return find(models, name, CHECKPOINTS, "with checkpoints");
    }

    /**
     * {@code models/<name>} if it was started (its configuration is written, checkpoints or not: a run
     * killed during start-up resumes from the beginning); with a null or empty name, the latest such run.
     */
    static Path findStarted(Path models, String name) throws IOException {
        return find(models, name, DlgmTrainer.CONFIG, "started");
    }

    private static Path find(Path models, String name, String marker, String what) throws IOException {
        Predicate<Path> has = d -> Files.exists(d.resolve(marker));
        if (name != null && !name.isEmpty()) {
            Path dir = models.resolve(name);
            if (!has.test(dir)) {
                throw new IllegalArgumentException("no run '" + name + "' " + what + " in " + models);
            }
            return dir;
        }
        if (Files.isDirectory(models)) {
            try (Stream<Path> runs = Files.list(models)) {
                var latest = runs.filter(has).max(Comparator.comparing(d -> d.resolve(marker).toFile().lastModified()));
                if (latest.isPresent()) {
                    return latest.get();
                }
            }
        }
        throw new IllegalArgumentException("there is no run " + what + " in " + models);
    }
}
