package org.nf4j.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The driver's check, before any task starts, that the sweep's output folders can be written. */
public final class OutputFolders {
    private OutputFolders() {
    }

    /**
     * Creates each folder if needed and writes (then deletes) a file in it.
     *
     * @throws IOException (a {@link java.nio.file.FileSystemException} naming the path) when one cannot be written
     */
    public static void requireWritable(Path... folders) throws IOException {
        for (Path folder : folders) {
            Files.createDirectories(folder);
            Files.delete(Files.createTempFile(folder, ".nf4j-write-check", ""));
        }
    }
}
