package org.nf4j.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nf4j.flows.FlowKind;
import org.nf4j.logging.EventFileReader;
import org.tensorflow.proto.Event;

/** A short fit lowers the bound measurably, and a run writes what it promises. */
class ToyRunTest {

    private static ToyConfig config(Path dir, FlowKind flow, int steps) {
        return ToyConfig.defaults("u1", flow, 2).with(Map.of("steps", String.valueOf(steps), "learning-rate", "1e-2",
                "lr-decay-steps", String.valueOf(steps), "anneal-steps", "300", "seed", "3", "eval-samples", "10000",
                "picture-samples", "20000")).withFolders(dir.resolve("run"), dir.resolve("logs"));
    }

    @Test
    void shortFitLowersTheBoundAndWritesItsOutputs(@TempDir Path dir) throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        ToySummary before = ToyRun.run(config(dir.resolve("a"), FlowKind.PLANAR, 0), quiet);
        ToySummary after = ToyRun.run(config(dir.resolve("b"), FlowKind.PLANAR, 400), quiet);
        double margin = 5 * Math.hypot(before.boundSe(), after.boundSe());
        assertTrue(after.bound() < before.bound() - Math.max(margin, 0.5),
                "bound " + before.bound() + " -> " + after.bound() + " after 400 updates");
        // KL >= 0 up to Monte Carlo error: the bound cannot beat -ln Z
        assertTrue(after.exactKl() > -5 * after.boundSe(), "exact KL " + after.exactKl());
        assertEquals(1.8775, after.logZ(), 1e-3);

        Path run = dir.resolve("b").resolve("run");
        ToySummary parsed = ToySummary.parse(Files.readString(run.resolve(ToyRun.SUMMARY)));
        assertEquals(after.bound(), parsed.bound(), 1e-6);
        assertEquals("histogram", parsed.density());
        assertTrue(Files.readString(run.resolve(ToyRun.CONFIG)).contains("\"flow\": \"planar\""));
        BufferedImage picture = ImageIO.read(run.resolve(ToyRun.PICTURE).toFile());
        assertTrue(picture.getWidth() > 2 * ToyPictures.SIZE);
        try (var files = Files.list(dir.resolve("b").resolve("logs"))) {
            Path events = files.findFirst().orElseThrow();
            List<Event> records = EventFileReader.readEvents(events);
            assertTrue(records.size() > 5, "event file has " + records.size() + " records");
            int rates = 0;
            for (Event e : records) {
                for (var v : e.getSummary().getValueList()) {
                    if (v.getTag().equals("train/learning_rate")) {
                        rates++;
                        // 1e-2 falling linearly to 0 over the run's 400 updates; scalars are logged at the
                        // number of updates done, the rate is the one of the last of them
                        assertEquals(1e-2 * (1 - (e.getStep() - 1) / 400.0), v.getSimpleValue(), 1e-8, "rate at " + e.getStep());
                    }
                }
            }
            assertTrue(rates >= 4, "learning rate logged " + rates + " times");
        }
    }

    @Test
    void invertibleFlowsGetAnExactDensityPicture(@TempDir Path dir) throws Exception {
        ToySummary s = ToyRun.run(config(dir, FlowKind.RADIAL, 50), new PrintStream(new ByteArrayOutputStream()));
        assertEquals("exact", s.density());
        BufferedImage tile = ImageIO.read(dir.resolve("run").resolve(ToyRun.LEARNED_TILE).toFile());
        assertEquals(ToyPictures.SIZE, tile.getWidth());
    }
}
