package org.nf4j.toy;

import java.awt.image.BufferedImage;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
        String logQ = model.addLogDensity();
        double[] grid = new double[SIZE * SIZE * 2];
        for (int j = 0; j < SIZE; j++) {
            for (int i = 0; i < SIZE; i++) {
                int p = 2 * (j * SIZE + i);
                grid[p] = REGION.x(i, SIZE);
                grid[p + 1] = REGION.y(j, SIZE);
            }
        }
        INDArray in = Nd4j.create(grid, new long[] {(long) SIZE * SIZE, 2}, Nd4j.defaultFloatingPointType());
        INDArray lq = model.sameDiff().output(Map.of("grid", in), logQ).get(logQ);
        double[][] v = new double[SIZE][SIZE];
        for (int j = 0; j < SIZE; j++) {
            for (int i = 0; i < SIZE; i++) {
                v[j][i] = Math.exp(lq.getDouble((long) j * SIZE + i));
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
