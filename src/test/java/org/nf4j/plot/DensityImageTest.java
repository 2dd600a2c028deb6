package org.nf4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DensityImageTest {
    @TempDir
    Path dir;

    /** Gaussian bump at (1, -1): lower right quadrant, since z2 points up. */
    private static double bump(double x, double y) {
        return Math.exp(-((x - 1) * (x - 1) + (y + 1) * (y + 1)) / (2 * 0.25));
    }

    @Test
    void peakHasTheTopColourAtTheRightPixels() throws Exception {
        BufferedImage img = DensityImage.of(DensityImageTest::bump, Colormap.VIRIDIS);
        Path file = dir.resolve("bump.png");
        Png.write(img, file);
        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(200, back.getWidth());
        assertEquals(200, back.getHeight());
        // pixel centres x = -4 + (i + 0.5) 0.04: x = 1 lies between columns 124 and 125;
        // y = 4 - (j + 0.5) 0.04: y = -1 lies between rows 124 and 125; those four pixels share the max
        int top = Colormap.VIRIDIS.rgb(1.0);
        for (int i = 124; i <= 125; i++) {
            for (int j = 124; j <= 125; j++) {
                assertEquals(top, back.getRGB(i, j) & 0xffffff, "pixel " + i + "," + j);
            }
        }
        // brightest pixel overall (viridis lightness grows with t) is one of them
        int bestI = -1;
        int bestJ = -1;
        double best = -1;
        for (int i = 0; i < 200; i++) {
            for (int j = 0; j < 200; j++) {
                double l = luminance(back.getRGB(i, j));
                if (l > best) {
                    best = l;
                    bestI = i;
                    bestJ = j;
                }
            }
        }
        assertTrue(bestI >= 124 && bestI <= 125 && bestJ >= 124 && bestJ <= 125, bestI + "," + bestJ);
        assertEquals(Colormap.VIRIDIS.rgb(0.0), back.getRGB(0, 0) & 0xffffff); // far corner: t ~ 1e-28
        assertEquals(0x440154, Colormap.VIRIDIS.rgb(0.0));
    }

    @Test
    void whiteBlueIsWhiteAtZeroAndDarkestAtThePeak() {
        BufferedImage img = DensityImage.of(DensityImageTest::bump, Colormap.WHITE_BLUE);
        assertEquals(0xffffff, img.getRGB(0, 0) & 0xffffff);
        assertEquals(0x08306b, img.getRGB(124, 125) & 0xffffff);
        double darkest = Double.MAX_VALUE;
        for (int i = 0; i < 200; i++) {
            for (int j = 0; j < 200; j++) {
                darkest = Math.min(darkest, luminance(img.getRGB(i, j)));
            }
        }
        assertEquals(luminance(0x08306b), darkest, 1e-12);
    }

    @Test
    void histogramBinsAndImage() {
        Histogram2D h = new Histogram2D(Region.square(4), 8, 8);
        // (0.5, 0.5) -> column floor(4.5) = 4, row floor(3.5) = 3
        for (int k = 0; k < 10; k++) {
            h.add(0.5, 0.5);
        }
        h.add(-3.9, -3.9);          // column 0, row 7
        h.add(-3.9, -3.9);
        h.add(5, 0);                // outside
        assertEquals(13, h.total());
        assertEquals(1, h.outside());
        assertEquals(10, h.count(3, 4));
        assertEquals(2, h.count(7, 0));
        BufferedImage img = DensityImage.of(h, 80, 80, Colormap.VIRIDIS);
        // each bin covers 10 x 10 pixels
        assertEquals(Colormap.VIRIDIS.rgb(1.0), img.getRGB(45, 35) & 0xffffff);
        assertEquals(Colormap.VIRIDIS.rgb(0.2), img.getRGB(5, 75) & 0xffffff);
        assertEquals(Colormap.VIRIDIS.rgb(0.0), img.getRGB(75, 5) & 0xffffff);
    }

    @Test
    void colormapInterpolatesLinearly() {
        // halfway between the first two viridis anchors 0x440154 and 0x482878
        int mid = Colormap.VIRIDIS.rgb(0.5 / 9);
        assertEquals(Math.round((0x44 + 0x48) / 2.0), (mid >> 16) & 0xff);
        assertEquals(Math.round((0x01 + 0x28) / 2.0), (mid >> 8) & 0xff);
        assertEquals(Math.round((0x54 + 0x78) / 2.0), mid & 0xff);
        assertEquals(0xfde725, Colormap.VIRIDIS.rgb(2.0));
    }

    static double luminance(int rgb) {
        return 0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff);
    }
}
