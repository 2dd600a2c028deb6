package org.nf4j.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The checkpoints of one run: {@code step-<n>.zip} every N steps and at the end (the last few
 * kept) and {@code best.zip} (best validation -ELBO).
 */
public final class CheckpointStore {
    public static final String BEST = "best.zip";
    private final Path dir;
    private final int keep;

    public CheckpointStore(Path dir, int keep) {
        this.dir = dir;
        this.keep = keep;
    }

    public Path dir() {
        return dir;
    }

    /** Writes {@code step-<n>.zip} and deletes all but the newest {@code keep}; returns its path. */
    public Path save(Checkpoint c) throws IOException {
        Path file = dir.resolve(String.format(Locale.ROOT, "step-%010d.zip", c.step()));
        c.write(file);
        List<Path> all = steps();
        for (int i = 0; i < all.size() - keep; i++) {
            Files.deleteIfExists(all.get(i));
        }
        return file;
    }

    public Path saveBest(Checkpoint c) throws IOException {
        Path file = dir.resolve(BEST);
        c.write(file);
        return file;
    }

    /** Deletes every checkpoint of the run (a run that starts over must not leave older, later steps behind). */
    public void clear() throws IOException {
        for (Path p : steps()) {
            Files.deleteIfExists(p);
        }
        Files.deleteIfExists(dir.resolve(BEST));
    }

    /** The step checkpoints, oldest first. */
    public List<Path> steps() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = new ArrayList<>(s.filter(p -> p.getFileName().toString().matches("step-\\d+\\.zip")).toList());
            files.sort(Comparator.comparing(p -> p.getFileName().toString()));
            return files;
        }
    }

    /** The newest readable step checkpoint; damaged ones are reported on {@code log} and skipped. */
    public Optional<Checkpoint> latest(PrintStream log) throws IOException {
        List<Path> all = steps();
        for (int i = all.size() - 1; i >= 0; i--) {
            try {
                Checkpoint c = Checkpoint.read(all.get(i));
                log.println("resuming from " + all.get(i) + " (step " + c.step() + ")");
                return Optional.of(c);
            } catch (IOException e) {
                log.println("checkpoint " + all.get(i) + " is damaged (" + e.getMessage() + "); trying the previous one");
            }
        }
        return Optional.empty();
    }
}
