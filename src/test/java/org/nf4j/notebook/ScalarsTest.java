package org.nf4j.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nf4j.logging.EventWriter;

/** Scalars read back from the event files a run (and its resumption) wrote. */
class ScalarsTest {

    @Test
    void everyFileOfTheFolderIsMergedByStepTheLaterFileWinning(@TempDir Path dir) throws Exception {
        try (EventWriter first = new EventWriter(dir, () -> 1_000, "host")) {
            first.scalar("train/loss", 10, 5.0);
            first.scalar("train/loss", 20, 4.0);
            first.scalar("train/loss", 30, 3.5);
            first.text("config", 0, "not a scalar");
        }
        try (EventWriter resumed = new EventWriter(dir, () -> 2_000, "host")) {
            resumed.scalar("train/loss", 30, 3.0);
            resumed.scalar("train/loss", 40, 2.5);
            resumed.scalar("validation/loss", 40, 2.75);
        }
        Scalars s = Scalars.read(dir);
        assertEquals(List.of("train/loss", "validation/loss"), s.tags());
        Scalars.Series loss = s.get("train/loss");
        assertArrayEquals(new double[] {10, 20, 30, 40}, loss.steps());
        assertArrayEquals(new double[] {5.0, 4.0, 3.0, 2.5}, loss.values());
        assertEquals(2.75, s.get("validation/loss").last());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.get("train/kl"));
        assertTrue(e.getMessage().contains("train/loss, validation/loss"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Scalars.read(dir.resolve("missing")));
    }
}
