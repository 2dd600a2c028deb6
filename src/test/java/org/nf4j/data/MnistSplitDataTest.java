package org.nf4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Splits from full-size synthetic MNIST-shaped files (train raw, test gzip). */
class MnistSplitDataTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void writeFiles() throws Exception {
        IdxTestFiles.images(dir.resolve("train-images-idx3-ubyte"), 60_000, 28, 28, false);
        IdxTestFiles.labels(dir.resolve("train-labels-idx1-ubyte"), 60_000, false);
        IdxTestFiles.images(dir.resolve("t10k-images-idx3-ubyte.gz"), 10_000, 28, 28, true);
        IdxTestFiles.labels(dir.resolve("t10k-labels-idx1-ubyte.gz"), 10_000, true);
    }

    private static void assertExample(MnistSplitData d, int local, int inFile) {
        for (int p = 0; p < 784; p += 97) {
            assertEquals(IdxTestFiles.pixel(inFile, p), d.pixel(local, p), "pixel " + p + " of " + inFile);
        }
        assertEquals(IdxTestFiles.label(inFile), d.label(local));
    }

    @Test
    void trainIsFirst50000ValidationLast10000() {
        MnistSplitData train = MnistSplitData.load(dir, MnistSplit.TRAIN);
        assertEquals(50_000, train.size());
        assertExample(train, 0, 0);
        assertExample(train, 49_999, 49_999);
        MnistSplitData val = MnistSplitData.load(dir, MnistSplit.VALIDATION);
        assertEquals(10_000, val.size());
        assertExample(val, 0, 50_000);
        assertExample(val, 9_999, 59_999);
    }

    @Test
    void testSplitFromGzipFiles() {
        MnistSplitData test = MnistSplitData.load(dir, MnistSplit.TEST);
        assertEquals(10_000, test.size());
        assertEquals(28, test.rows());
        assertExample(test, 1234, 1234);
    }

    @Test
    void wrongShapeOrCountIsRejected(@TempDir Path other) throws Exception {
        IdxTestFiles.images(other.resolve("t10k-images-idx3-ubyte"), 5, 28, 28, false);
        IdxTestFiles.labels(other.resolve("t10k-labels-idx1-ubyte"), 5, false);
        MnistDataException e = assertThrows(MnistDataException.class, () -> MnistSplitData.load(other, MnistSplit.TEST));
        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte") && e.getMessage().contains("10000"), e.getMessage());
        IdxTestFiles.images(other.resolve("t10k-images-idx3-ubyte"), 10_000, 8, 8, false);
        IdxTestFiles.labels(other.resolve("t10k-labels-idx1-ubyte"), 10_000, false);
        MnistDataException e2 = assertThrows(MnistDataException.class, () -> MnistSplitData.load(other, MnistSplit.TEST));
        assertTrue(e2.getMessage().contains("28x28"), e2.getMessage());
    }
}
