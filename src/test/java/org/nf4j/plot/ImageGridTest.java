package org.nf4j.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {
    @TempDir
    Path dir;

    @Test
    void pixelsAreValueTimes255() throws Exception {
        int h = 2;
        int w = 3;
        double[] a = {0.0, 0.1, 0.2, 0.5, 0.9, 1.0};
        double[] b = {1.0, 0.0, 0.25, 0.75, 0.333, 0.666};
        double[] c = {0.5, 0.5, 0.5, -1.0, 2.0, 0.004};
        Path file = dir.resolve("grid.png");
        ImageGrid.write(file, List.of(a, b, c), h, w, 2, 1);
        byte[] bytes = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, Arrays.copyOf(bytes, 8));
        BufferedImage img = ImageIO.read(file.toFile());
        // width 1 + 2 (3 + 1) = 9, height 1 + 2 (2 + 1) = 7
        assertEquals(9, img.getWidth());
        assertEquals(7, img.getHeight());
        double[][] images = {a, b, c};
        for (int k = 0; k < 3; k++) {
            int x0 = 1 + (k % 2) * (w + 1);
            int y0 = 1 + (k / 2) * (h + 1);
            for (int r = 0; r < h; r++) {
                for (int col = 0; col < w; col++) {
                    double v = Math.min(1, Math.max(0, images[k][r * w + col]));
                    assertEquals(Math.round(v * 255), img.getRaster().getSample(x0 + col, y0 + r, 0),
                            "image " + k + " pixel " + r + "," + col);
                }
            }
        }
        assertEquals(128, img.getRaster().getSample(0, 0, 0));          // padding
        assertEquals(128, img.getRaster().getSample(8, 6, 0));          // empty 4th cell
        assertEquals(26, img.getRaster().getSample(2, 1, 0));           // 0.1 * 255 = 25.5 -> 26

        // the exposed bytes decode to the same image
        BufferedImage fromBytes = ImageIO.read(new ByteArrayInputStream(ImageGrid.png(List.of(a, b, c), h, w, 2, 1)));
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 9; x++) {
                assertEquals(img.getRaster().getSample(x, y, 0), fromBytes.getRaster().getSample(x, y, 0));
            }
        }
    }
}
