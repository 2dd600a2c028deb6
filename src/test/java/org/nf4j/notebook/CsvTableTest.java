package org.nf4j.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CSV read by column name, filtered and shown as Markdown. */
class CsvTableTest {

    @Test
    void columnsByNameEmptyNumbersAreNaNAndRowsFilter(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("t.csv"), "model,k,neg_log_px,paper\ndiag,0,90.5,89.9\nplanar,10,88.25,\nplanar,20,87.0,86.5\n");
        CsvTable t = CsvTable.read(f);
        assertEquals(3, t.size());
        assertEquals(List.of("diag", "planar", "planar"), t.column("model"));
        double[] paper = t.numbers("paper");
        assertEquals(89.9, paper[0]);
        assertTrue(Double.isNaN(paper[1]));
        CsvTable planar = t.where("model", "planar"::equals);
        assertArrayEquals(new double[] {10, 20}, planar.numbers("k"));
        assertEquals("| k | neg_log_px |\n|---|---|\n| 10 | 88.25 |\n| 20 | 87.0 |\n", planar.markdown("k", "neg_log_px").text());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> t.column("kl")).getMessage().contains("model, k, neg_log_px, paper"));
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsAnError(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("t.csv"), "a,b\n1,2\n3\n");
        assertTrue(assertThrows(IOException.class, () -> CsvTable.read(f)).getMessage().contains("line 3"));
    }

    @Test
    void quotedFieldsWithCommasAreOneField(@TempDir Path dir) throws Exception {
        // what table2.csv writes in its protocol columns
        Path f = Files.writeString(dir.resolve("t.csv"), "model,protocol\ndiag,\"50,000 updates, \"\"Adam\"\"\"\n");
        CsvTable t = CsvTable.read(f);
        assertEquals(List.of("50,000 updates, \"Adam\""), t.column("protocol"));
    }
}
