package org.nf4j.toy;

import java.awt.image.BufferedImage;
import org.nf4j.plot.Colormap;
import org.nf4j.plot.DensityImage;
import org.nf4j.plot.Histogram2D;
import org.nf4j.plot.Region;
import org.nf4j.targets.Energy2D;

/** Pictures of the target density and of the fitted q_K on [-4, 4]^2. */
public final class ToyPictures {
    public static final Region REGION = DensityImage.DEFAULT_REGION;
    public static final int SIZE = DensityImage.DEFAULT_SIZE;
    public static final Colormap COLORS = Colormap.WHITE_BLUE;

    private ToyPictures() {
    }

    /** exp(-U) at pixel centres. */
    public static BufferedImage target(Energy2D target) {
        return DensityImage.of(target::unnormalisedDensity, REGION, SIZE, SIZE, COLORS);
    }

    /** The exact density q_K(z) = q0(f^-1(z)) / |det J(f^-1(z))| at pixel centres. */
    public static BufferedImage exact(ToyModel model) {
        double[][] grid = new double[SIZE * SIZE][];
        for (int j = 0; j < SIZE; j++) {
            for (int i = 0; i < SIZE; i++) {
                grid[j * SIZE + i] = new double[] {REGION.x(i, SIZE), REGION.y(j, SIZE)};
            }
        }
        double[] lq = model.logDensity(grid);
        double[][] v = new double[SIZE][SIZE];
        for (int j = 0; j < SIZE; j++) {
            for (int i = 0; i < SIZE; i++) {
                v[j][i] = Math.exp(lq[j * SIZE + i]);
            }
        }
        return DensityImage.of(v, COLORS);
    }

    /** A 2-D histogram of samples of q_K, one bin per pixel. */
    public static BufferedImage histogram(double[][] samples) {
        Histogram2D h = new Histogram2D(REGION, SIZE, SIZE);
        h.addAll(samples);
        return DensityImage.of(h, SIZE, SIZE, COLORS);
    }
}
