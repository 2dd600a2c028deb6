package org.nf4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Finding a run folder under {@code models/}: by name, or the most recently written one with checkpoints. */
final class RunFolders {
    private RunFolders() {
    }

    /** {@code models/<name>} if it has checkpoints; with a null or empty name, the latest such run. */
    static Path find(Path models, String name) throws IOException {
        if (name != null && !name.isEmpty()) {
            Path dir = models.resolve(name);
            if (!Files.isDirectory(dir.resolve("checkpoints"))) {
                throw new IllegalArgumentException("no run '" + name + "' with checkpoints in " + models);
            }
            return dir;
        }
        if (Files.isDirectory(models)) {
            try (Stream<Path> runs = Files.list(models)) {
                var latest = runs.filter(d -> Files.isDirectory(d.resolve("checkpoints")))
                        .max(Comparator.comparing(d -> d.resolve("checkpoints").toFile().lastModified()));
                if (latest.isPresent()) {
                    return latest.get();
                }
            }
        }
        throw new IllegalArgumentException("there is no run with checkpoints in " + models);
    }
}
