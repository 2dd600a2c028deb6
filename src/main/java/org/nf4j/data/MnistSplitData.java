package org.nf4j.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One split held in memory: unsigned pixel bytes (row-major, example after example) and labels.
 * Loaded once through {@link IdxRecordReader}, then served from memory by {@link MnistIterator}.
 * The arrays are shared, not copied: treat them as read-only.
 */
public final class MnistSplitData {
    private final byte[] pixels;
    private final byte[] labels;
    private final int size;
    private final int rows;
    private final int cols;

    /**
     * @param pixels {@code size * rows * cols} intensities 0..255 as unsigned bytes
     * @param labels {@code size} labels, or null
     * @param rows image rows
     * @param cols image columns
     */
    public MnistSplitData(byte[] pixels, byte[] labels, int rows, int cols) {
        Objects.requireNonNull(pixels, "pixels");
        if (rows <= 0 || cols <= 0 || pixels.length % (rows * cols) != 0) {
            throw new IllegalArgumentException("pixels length " + pixels.length + " is not a multiple of "
                    + rows + "x" + cols);
        }
        this.size = pixels.length / (rows * cols);
        if (labels != null && labels.length != size) {
            throw new IllegalArgumentException(size + " images but " + labels.length + " labels");
        }
        this.pixels = pixels;
        this.labels = labels;
        this.rows = rows;
        this.cols = cols;
    }

    /**
     * Loads a split from the data directory through {@link IdxRecordReader}, checking that the files
     * are the MNIST ones in shape (28x28, 60,000 or 10,000 examples, labels 0..9). Digests are not
     * checked here: see {@link MnistFetcher}.
     *
     * @param dataDir directory holding the four files, raw or {@code .gz}
     * @param split which split
     * @return the split in memory
     * @throws MnistDataException naming the file at fault and what to do
     */
    public static MnistSplitData load(Path dataDir, MnistSplit split) {
        Path img = split.images().require(dataDir);
        Path lbl = split.labels().require(dataDir);
        try (IdxRecordReader reader = new IdxRecordReader(img, lbl)) {
            if (reader.rows() != MnistFiles.SIDE || reader.cols() != MnistFiles.SIDE) {
                throw new MnistDataException(img + " holds " + reader.rows() + "x" + reader.cols()
                        + " images, expected 28x28: is it an MNIST file? delete it and fetch again");
            }
            if (reader.numExamples() != split.images().count()) {
                throw new MnistDataException(img + " holds " + reader.numExamples() + " images, expected "
                        + split.images().count() + ": delete it and fetch again");
            }
            int pixelsPer = MnistFiles.PIXELS;
            byte[] scratch = new byte[pixelsPer];
            for (int i = 0; i < split.offset(); i++) {
                reader.nextInto(scratch, 0);
            }
            byte[] pixels = new byte[split.size() * pixelsPer];
            byte[] labels = new byte[split.size()];
            for (int i = 0; i < split.size(); i++) {
                int label = reader.nextInto(pixels, i * pixelsPer);
                if (label < 0 || label >= MnistFiles.CLASSES) {
                    throw new MnistDataException(lbl + " has label " + label + " at index "
                            + (split.offset() + i) + ", expected 0..9: delete it and fetch again");
                }
                labels[i] = (byte) label;
            }
            return new MnistSplitData(pixels, labels, MnistFiles.SIDE, MnistFiles.SIDE);
        }
    }

    /** @return number of examples */
    public int size() {
        return size;
    }

    /** @return image rows */
    public int rows() {
        return rows;
    }

    /** @return image columns */
    public int cols() {
        return cols;
    }

    /** @return pixels per example */
    public int pixelsPerExample() {
        return rows * cols;
    }

    /** @return true if labels were loaded */
    public boolean hasLabels() {
        return labels != null;
    }

    /** @return the shared pixel array (read-only by convention) */
    public byte[] pixels() {
        return pixels;
    }

    /** @return the shared label array, or null (read-only by convention) */
    public byte[] labels() {
        return labels;
    }

    /**
     * @param example example index
     * @param pixel pixel index within the example
     * @return intensity 0..255
     */
    public int pixel(int example, int pixel) {
        return pixels[example * rows * cols + pixel] & 0xff;
    }

    /**
     * @param example example index
     * @return its label
     */
    public int label(int example) {
        if (labels == null) {
            throw new IllegalStateException("no labels loaded");
        }
        return labels[example] & 0xff;
    }
}
