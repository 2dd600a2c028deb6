package org.nf4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureGridTest {
    @TempDir
    Path dir;

    private static BufferedImage solid(int rgb) {
        BufferedImage t = new BufferedImage(50, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = t.createGraphics();
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, 50, 40);
        g.dispose();
        return t;
    }

    @Test
    void tilesLandInTheirCellsUntouched() throws Exception {
        int[][] colours = {{0xff0000, 0x00ff00, 0x0000ff}, {0xffff00, 0x00ffff, 0xff00ff}};
        FigureGrid grid = new FigureGrid("Test figure", List.of("U1", "U2"), List.of("K = 2", "K = 8", "K = 32"));
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                grid.set(r, c, solid(colours[r][c]));
            }
        }
        Path file = dir.resolve("grid.png");
        grid.write(file);
        BufferedImage img = ImageIO.read(file.toFile());
        int[][] minX = new int[2][3];
        int[][] minY = new int[2][3];
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 3; c++) {
                int count = 0;
                minX[r][c] = Integer.MAX_VALUE;
                minY[r][c] = Integer.MAX_VALUE;
                int maxX = -1;
                int maxY = -1;
                for (int y = 0; y < img.getHeight(); y++) {
                    for (int x = 0; x < img.getWidth(); x++) {
                        if ((img.getRGB(x, y) & 0xffffff) == colours[r][c]) {
                            count++;
                            minX[r][c] = Math.min(minX[r][c], x);
                            minY[r][c] = Math.min(minY[r][c], y);
                            maxX = Math.max(maxX, x);
                            maxY = Math.max(maxY, y);
                        }
                    }
                }
                assertEquals(50 * 40, count, "tile " + r + "," + c);
                assertEquals(49, maxX - minX[r][c]);
                assertEquals(39, maxY - minY[r][c]);
            }
        }
        for (int r = 0; r < 2; r++) {
            assertTrue(minX[r][0] < minX[r][1] && minX[r][1] < minX[r][2]);
            assertEquals(minY[r][0], minY[r][2]);
        }
        assertTrue(minY[0][0] < minY[1][0]);
        assertEquals(minX[0][1], minX[1][1]);
        assertTrue(minX[0][0] > 20, "room for row labels on the left");
        assertTrue(minY[0][0] > 40, "room for title and column labels above");
        // some dark text pixels exist above the tiles (title / column labels)
        int dark = 0;
        for (int y = 0; y < minY[0][0]; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (DensityImageTest.luminance(img.getRGB(x, y)) < 64) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 50, "text drawn above the tiles: " + dark);
    }
}
