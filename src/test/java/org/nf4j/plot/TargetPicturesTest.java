package org.nf4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nf4j.targets.Energy2D;
import org.nf4j.targets.Targets;

/** Draws the four targets (rows) as a Figure-3-style grid into target/plot-demo for inspection. */
class TargetPicturesTest {

    @Test
    void targetsFigure() throws Exception {
        Targets[] all = Targets.values();
        FigureGrid grid = new FigureGrid("Targets exp(-U), [-4, 4]^2",
                List.of("U1", "U2", "U3", "U4"), List.of("viridis", "white-blue"));
        for (int r = 0; r < all.length; r++) {
            Energy2D u = all[r].energy();
            grid.set(r, 0, DensityImage.of(u::unnormalisedDensity, Colormap.VIRIDIS));
            grid.set(r, 1, DensityImage.of(u::unnormalisedDensity, Colormap.WHITE_BLUE));
        }
        Path out = Path.of("target", "plot-demo");
        grid.write(out.resolve("targets.png"));
        new LinePlot("Variational bound vs flow length (paper, U1)").xLabel("K").yLabel("bound (nats)").logX(true)
                .series("planar", new double[] {2, 8, 32}, new double[] {0.07, -0.20, -0.25})
                .series("NICE-orth", new double[] {2, 8, 32}, new double[] {2.95, 0.45, -0.03})
                .reference("-ln Z = -1.8775", -1.8775)
                .write(out.resolve("bound.png"), 640, 420);

        // U1's density peaks on the ring at z = (+-2, 0) (8-bit colours tie over a plateau
        // there, exp(-U) > 0.999 for |z2| < 0.35): those pixels carry the top colour; (0, 2),
        // where exp(-U) = 2 exp(-50/9) ~ 0.008, is far darker.
        BufferedImage u1 = DensityImage.of(Targets.U1.energy()::unnormalisedDensity, Colormap.VIRIDIS);
        double best = -1;
        for (int i = 0; i < 200; i++) {
            for (int j = 0; j < 200; j++) {
                best = Math.max(best, DensityImageTest.luminance(u1.getRGB(i, j)));
            }
        }
        // pixel centres: x = -4 + (i + 0.5) 0.04 -> x = 2.02 at i = 150, x = -2.02 at i = 49; y = 0.02 at j = 99
        // within one 8-bit step of the top colour (luminance scale 0..255)
        assertEquals(best, DensityImageTest.luminance(u1.getRGB(150, 99)), 1.0);
        assertEquals(best, DensityImageTest.luminance(u1.getRGB(49, 99)), 1.0);
        assertEquals(DensityImageTest.luminance(Colormap.VIRIDIS.rgb(1.0)), best, 1e-12);
        // (0.02, 1.98) at i = 100, j = 50
        assertTrue(DensityImageTest.luminance(u1.getRGB(100, 50)) < DensityImageTest.luminance(Colormap.VIRIDIS.rgb(0.05)));
    }
}
