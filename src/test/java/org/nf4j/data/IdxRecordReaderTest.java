package org.nf4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.datavec.api.records.Record;
import org.datavec.api.records.metadata.RecordMetaData;
import org.datavec.api.split.CollectionInputSplit;
import org.datavec.api.writable.Writable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdxRecordReaderTest {
    private static final int N = 5;
    private static final int ROWS = 4;
    private static final int COLS = 3;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void recordsCarryExactPixelsAndLabels(boolean gzip) throws Exception {
        Path img = IdxTestFiles.images(dir.resolve("img"), N, ROWS, COLS, gzip);
        Path lbl = IdxTestFiles.labels(dir.resolve("lbl"), N, gzip);
        try (IdxRecordReader r = new IdxRecordReader(img, lbl)) {
            assertEquals(N, r.numExamples());
            assertEquals(ROWS, r.rows());
            assertEquals(COLS, r.cols());
            assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), r.getLabels());
            for (int i = 0; i < N; i++) {
                assertTrue(r.hasNext());
                List<Writable> rec = r.next();
                assertEquals(ROWS * COLS + 1, rec.size());
                for (int p = 0; p < ROWS * COLS; p++) {
                    assertEquals(IdxTestFiles.pixel(i, p), rec.get(p).toInt(), "example " + i + " pixel " + p);
                }
                assertEquals(IdxTestFiles.label(i), rec.get(ROWS * COLS).toInt());
            }
            assertFalse(r.hasNext());
        }
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void bulkPathMatchesRecords(boolean gzip) throws Exception {
        Path img = IdxTestFiles.images(dir.resolve("img"), N, ROWS, COLS, gzip);
        Path lbl = IdxTestFiles.labels(dir.resolve("lbl"), N, gzip);
        try (IdxRecordReader r = new IdxRecordReader(img, lbl)) {
            byte[] px = new byte[N * ROWS * COLS];
            for (int i = 0; i < N; i++) {
                assertEquals(IdxTestFiles.label(i), r.nextInto(px, i * ROWS * COLS));
            }
            for (int i = 0; i < N; i++) {
                for (int p = 0; p < ROWS * COLS; p++) {
                    assertEquals(IdxTestFiles.pixel(i, p), px[i * ROWS * COLS + p] & 0xff);
                }
            }
        }
    }

    @Test
    void initializeFromSplitIdentifiesFilesByMagicInAnyOrder() throws Exception {
        Path img = IdxTestFiles.images(dir.resolve("a"), N, ROWS, COLS, true);
        Path lbl = IdxTestFiles.labels(dir.resolve("b"), N, false);
        try (IdxRecordReader r = new IdxRecordReader()) {
            r.initialize(new CollectionInputSplit(List.of(lbl.toUri(), img.toUri())));
            assertEquals(img, r.imagesPath());
            assertEquals(lbl, r.labelsPath());
            List<List<Writable>> batch = r.next(N);
            assertEquals(N, batch.size());
            assertEquals(IdxTestFiles.label(4), batch.get(4).get(ROWS * COLS).toInt());
        }
    }

    @Test
    void imagesOnlyResetAndMetadata() throws Exception {
        Path img = IdxTestFiles.images(dir.resolve("img"), N, ROWS, COLS, false);
        try (IdxRecordReader r = new IdxRecordReader(img, null)) {
            assertNull(r.getLabels());
            r.next();
            Record second = r.nextRecord();
            assertEquals(ROWS * COLS, second.getRecord().size());
            r.reset();
            assertEquals(IdxTestFiles.pixel(0, 5), r.next().get(5).toInt());
            RecordMetaData meta = second.getMetaData();
            Record again = r.loadFromMetaData(meta);
            assertEquals(second.getRecord(), again.getRecord());
        }
    }

    @Test
    void splitDataFromArraysKeepsValues() {
        byte[] px = new byte[] {0, 1, (byte) 255, 7, 8, 9};
        MnistSplitData d = new MnistSplitData(px, new byte[] {3, 4}, 1, 3);
        assertEquals(2, d.size());
        assertEquals(255, d.pixel(0, 2));
        assertEquals(4, d.label(1));
        assertArrayEquals(px, d.pixels());
    }
}
