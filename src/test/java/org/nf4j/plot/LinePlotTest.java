package org.nf4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinePlotTest {
    @TempDir
    Path dir;

    @Test
    void logXPutsMiddleKInTheMiddle() throws Exception {
        LinePlot plot = new LinePlot("bound vs K").xLabel("K").yLabel("nats").logX(true)
                .series("planar", new double[] {2, 8, 32}, new double[] {1, 2, 3})
                .series("radial", new double[] {2, 8, 32}, new double[] {3, 2.5, Double.NaN})
                .reference("-ln Z", 0.5);
        Path file = dir.resolve("plot.png");
        plot.write(file, 640, 480);
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(640, img.getWidth());
        assertEquals(480, img.getHeight());
        // plot area: left 70, width 640 - 90 = 550; top 40, height 480 - 95 = 385.
        // x: ln 8 is midway between ln 2 and ln 32 -> px = 70 + 275 = 345.
        // y: range [0.5, 3] padded 5% -> [0.375, 3.125]; y = 2 -> 40 + 385 (1 - 1.625/2.75) = 197.5
        assertEquals(0x1f77b4, img.getRGB(345, 197) & 0xffffff);
        // second series' point (8, 2.5): 40 + 385 (1 - 2.125/2.75) = 127.5
        assertEquals(0xff7f0e, img.getRGB(345, 127) & 0xffffff);
    }

    @Test
    void ticks() {
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0), Ticks.linear(0, 1, 5));
        assertEquals(List.of(-2.0, 0.0, 2.0, 4.0), Ticks.linear(-2.5, 4.5, 5));
        assertEquals(List.of(2.0, 8.0, 32.0), Ticks.log(1.7, 38, new TreeSet<>(List.of(2.0, 8.0, 32.0))));
        assertEquals(List.of(10.0, 100.0, 1000.0), Ticks.log(5, 2000, new TreeSet<>()));
        assertEquals("32", Ticks.label(32));
        assertEquals("0.25", Ticks.label(0.25));
        assertEquals("-1.88", Ticks.label(-1.8775));
    }

    @Test
    void logAxisRejectsNonPositiveX() {
        LinePlot plot = new LinePlot("t").logX(true).series("s", new double[] {0, 1}, new double[] {1, 2});
        assertThrows(IllegalArgumentException.class, () -> plot.render(300, 200));
    }
}
