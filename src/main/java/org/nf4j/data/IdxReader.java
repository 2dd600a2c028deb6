package org.nf4j.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Sequential, validating reader of one IDX file of unsigned bytes (the MNIST format), raw or gzip.
 *
 * <p>On opening it checks the magic number ({@value #IMAGE_MAGIC} for images, {@value #LABEL_MAGIC}
 * for labels), the dimensions and, for a raw file, that the file length matches the header exactly.
 * Compression is detected from the content (the gzip magic bytes), not the file name. A gzip file
 * that ends early is reported as truncated when the missing item is read. Every failure is a
 * {@link MnistDataException} naming the file.
 */
public final class IdxReader implements Closeable {
    /** Magic number of an IDX file of unsigned-byte images: type 0x08, three dimensions. */
    public static final int IMAGE_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned-byte labels: type 0x08, one dimension. */
    public static final int LABEL_MAGIC = 0x00000801;

    private static final int MAX_SIDE = 1 << 14;

    private final Path path;
    private final DataInputStream in;
    private final boolean gzip;
    private final int count;
    private final int rows;
    private final int cols;
    private int read;

    private IdxReader(Path path, DataInputStream in, boolean gzip, int count, int rows, int cols) {
        this.path = path;
        this.in = in;
        this.gzip = gzip;
        this.count = count;
        this.rows = rows;
        this.cols = cols;
    }

    /**
     * Opens an IDX file and validates its header.
     *
     * @param path the file, raw or gzip-compressed
     * @param expectedMagic {@link #IMAGE_MAGIC} or {@link #LABEL_MAGIC}
     * @return a reader positioned at the first item
     * @throws MnistDataException if the file is missing, unreadable, truncated or not of that kind
     */
    public static IdxReader open(Path path, int expectedMagic) {
        if (expectedMagic != IMAGE_MAGIC && expectedMagic != LABEL_MAGIC) {
            throw new IllegalArgumentException("expected magic must be 2051 or 2049: " + expectedMagic);
        }
        if (!Files.isRegularFile(path)) {
            throw new MnistDataException("IDX file " + path + " does not exist: "
                    + "run the data command (mvn -q exec:java -Dexec.args=\"data --fetch\") or point --data-dir at the MNIST files");
        }
        DataInputStream in = null;
        try {
            boolean gzip = isGzip(path);
            InputStream raw = Files.newInputStream(path);
            in = new DataInputStream(new BufferedInputStream(
                    gzip ? new GZIPInputStream(raw, 1 << 16) : raw, 1 << 16));
            String kind = expectedMagic == IMAGE_MAGIC ? "image" : "label";
            int magic = readHeaderInt(path, in);
            if (magic != expectedMagic) {
                throw new MnistDataException(path + " is not an IDX " + kind + " file: magic number "
                        + magic + ", expected " + expectedMagic
                        + " (check the file name, or delete it and fetch again)");
            }
            int count = readHeaderInt(path, in);
            int rows = 1;
            int cols = 1;
            if (expectedMagic == IMAGE_MAGIC) {
                rows = readHeaderInt(path, in);
                cols = readHeaderInt(path, in);
                if (rows <= 0 || cols <= 0 || rows > MAX_SIDE || cols > MAX_SIDE) {
                    throw new MnistDataException(path + " has invalid image dimensions " + rows + "x"
                            + cols + " (corrupt file? delete it and fetch again)");
                }
            }
            if (count < 0) {
                throw new MnistDataException(path + " has a negative item count " + count
                        + " (corrupt file? delete it and fetch again)");
            }
            int headerBytes = expectedMagic == IMAGE_MAGIC ? 16 : 8;
            if (!gzip) {
                long expected = headerBytes + (long) count * rows * cols;
                long actual = Files.size(path);
                if (actual < expected) {
                    throw new MnistDataException(path + " is truncated: " + actual + " bytes, expected "
                            + expected + " for " + count + " " + kind + "s; delete it and fetch again");
                }
                if (actual > expected) {
                    throw new MnistDataException(path + " has " + (actual - expected)
                            + " unexpected trailing bytes (expected " + expected
                            + "); delete it and fetch again");
                }
            }
            return new IdxReader(path, in, gzip, count, rows, cols);
        } catch (IOException e) {
            closeQuietly(in);
            throw new MnistDataException("cannot read " + path + ": " + e.getMessage()
                    + "; delete it and fetch again", e);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    /**
     * Reads the magic number of an IDX file (raw or gzip) without validating anything else.
     *
     * @param path the file
     * @return the first four bytes as a big-endian int
     * @throws MnistDataException if the file is missing or shorter than four bytes
     */
    public static int peekMagic(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new MnistDataException("IDX file " + path + " does not exist: "
                    + "run the data command (mvn -q exec:java -Dexec.args=\"data --fetch\") or point --data-dir at the MNIST files");
        }
        try (InputStream raw = Files.newInputStream(path);
             DataInputStream in = new DataInputStream(new BufferedInputStream(
                     isGzip(path) ? new GZIPInputStream(raw) : raw))) {
            return readHeaderInt(path, in);
        } catch (IOException e) {
            throw new MnistDataException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** @return true if the file starts with the gzip magic bytes 1f 8b */
    static boolean isGzip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private static int readHeaderInt(Path path, DataInputStream in) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new MnistDataException(path + " is truncated: the IDX header is incomplete; "
                    + "delete it and fetch again", e);
        }
    }

    /** @return the number of items (images or labels) the header announces */
    public int count() {
        return count;
    }

    /** @return rows per image (1 for a label file) */
    public int rows() {
        return rows;
    }

    /** @return columns per image (1 for a label file) */
    public int cols() {
        return cols;
    }

    /** @return bytes per item: rows * cols for images, 1 for labels */
    public int itemSize() {
        return rows * cols;
    }

    /** @return the file being read */
    public Path path() {
        return path;
    }

    /** @return how many items have been read so far */
    public int itemsRead() {
        return read;
    }

    /** @return true while items remain */
    public boolean hasNext() {
        return read < count;
    }

    /**
     * Reads the next item's bytes.
     *
     * @param dst destination
     * @param offset where in {@code dst} the {@link #itemSize()} bytes go
     * @throws MnistDataException if the file ends early or cannot be read
     */
    public void readItem(byte[] dst, int offset) {
        if (read >= count) {
            throw new IllegalStateException("all " + count + " items of " + path + " were read");
        }
        try {
            in.readFully(dst, offset, itemSize());
        } catch (EOFException e) {
            throw truncated(e);
        } catch (IOException e) {
            // a gzip stream cut short surfaces as "Unexpected end of ZLIB input stream"
            if (gzip && String.valueOf(e.getMessage()).contains("end of ZLIB")) {
                throw truncated(e);
            }
            throw new MnistDataException("cannot read " + path + ": " + e.getMessage()
                    + "; delete it and fetch again", e);
        }
        read++;
        if (read == count && gzip) {
            checkNoTrailingData();
        }
    }

    /**
     * Reads the next label.
     *
     * @return the label as an unsigned value 0..255
     */
    public int readLabel() {
        if (itemSize() != 1) {
            throw new IllegalStateException(path + " is not a label file");
        }
        byte[] one = new byte[1];
        readItem(one, 0);
        return one[0] & 0xff;
    }

    private void checkNoTrailingData() {
        try {
            if (in.read() != -1) {
                throw new MnistDataException(path + " has unexpected trailing bytes after " + count
                        + " items; delete it and fetch again");
            }
        } catch (IOException e) {
            throw new MnistDataException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private MnistDataException truncated(Exception cause) {
        return new MnistDataException(path + " is truncated: it ends after " + read + " of " + count
                + " items; delete it and fetch again", cause);
    }

    @Override
    public void close() {
        closeQuietly(in);
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing useful to do
            }
        }
    }
}
