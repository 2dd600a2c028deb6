package org.nf4j.data;

import java.util.Locale;

/**
 * The MNIST splits: the first 50,000 examples of the training file for training, its last 10,000
 * for validation, all 60,000 of them (training without validation), and the 10,000 examples of the
 * test file for testing.
 */
public enum MnistSplit {
    /** Examples 0..49,999 of the training file. */
    TRAIN(MnistFiles.TRAIN_IMAGES, MnistFiles.TRAIN_LABELS, 0, 50_000),
    /** Examples 50,000..59,999 of the training file. */
    VALIDATION(MnistFiles.TRAIN_IMAGES, MnistFiles.TRAIN_LABELS, 50_000, 10_000),
    /** All 60,000 examples of the training file (training without a validation split, as the paper). */
    TRAIN_ALL(MnistFiles.TRAIN_IMAGES, MnistFiles.TRAIN_LABELS, 0, 60_000),
    /** All 10,000 examples of the test file. */
    TEST(MnistFiles.TEST_IMAGES, MnistFiles.TEST_LABELS, 0, 10_000);

    private final MnistFiles images;
    private final MnistFiles labels;
    private final int offset;
    private final int size;

    MnistSplit(MnistFiles images, MnistFiles labels, int offset, int size) {
        this.images = images;
        this.labels = labels;
        this.offset = offset;
        this.size = size;
    }

    /** @return the image file this split is taken from */
    public MnistFiles images() {
        return images;
    }

    /** @return the label file this split is taken from */
    public MnistFiles labels() {
        return labels;
    }

    /** @return index of the split's first example in its file */
    public int offset() {
        return offset;
    }

    /** @return number of examples */
    public int size() {
        return size;
    }

    /** @return the lower-case name used on the command line ("train", "validation", "test") */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a split name case-insensitively; "valid" and "val" also mean {@link #VALIDATION}.
     *
     * @param s the name
     * @return the split
     * @throws IllegalArgumentException for an unknown name
     */
    public static MnistSplit parse(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT);
        if (t.equals("VAL") || t.equals("VALID")) {
            return VALIDATION;
        }
        try {
            return valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown split '" + s + "': use train, validation or test");
        }
    }
}
