package org.nf4j.plot;

import java.awt.image.BufferedImage;
import java.util.function.DoubleBinaryOperator;

/**
 * Heat maps of a non-negative density on a {@link Region}, normalised per image: a value v is
 * drawn with colour cmap(v / max), where max is the largest value in the image (NaN and
 * negative values count as 0). Default size 200 x 200 px on [-4, 4]^2.
 */
public final class DensityImage {
    /** Default edge length in pixels. */
    public static final int DEFAULT_SIZE = 200;
    /** Default region [-4, 4]^2. */
    public static final Region DEFAULT_REGION = Region.square(4.0);

    private DensityImage() {
    }

    /** Density p(z1, z2) evaluated at pixel centres. */
    public static BufferedImage of(DoubleBinaryOperator density, Region region, int width, int height, Colormap cmap) {
        double[][] v = new double[height][width];
        for (int j = 0; j < height; j++) {
            double y = region.y(j, height);
            for (int i = 0; i < width; i++) {
                v[j][i] = density.applyAsDouble(region.x(i, width), y);
            }
        }
        return of(v, cmap);
    }

    /** Density on the default region and size. */
    public static BufferedImage of(DoubleBinaryOperator density, Colormap cmap) {
        return of(density, DEFAULT_REGION, DEFAULT_SIZE, DEFAULT_SIZE, cmap);
    }

    /**
     * A histogram of samples, scaled to width x height pixels by nearest bin: pixel (i, j)
     * shows bin (floor(j rows / height), floor(i columns / width)).
     */
    public static BufferedImage of(Histogram2D histogram, int width, int height, Colormap cmap) {
        double[][] v = new double[height][width];
        for (int j = 0; j < height; j++) {
            int row = j * histogram.rows() / height;
            for (int i = 0; i < width; i++) {
                v[j][i] = histogram.count(row, i * histogram.columns() / width);
            }
        }
        return of(v, cmap);
    }

    /** Values [row][column] (row 0 at the top) as an image, one pixel each, normalised by their max. */
    public static BufferedImage of(double[][] values, Colormap cmap) {
        int height = values.length;
        int width = values[0].length;
        double max = 0.0;
        for (double[] row : values) {
            for (double v : row) {
                if (v > max && Double.isFinite(v)) {
                    max = v;
                }
            }
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int j = 0; j < height; j++) {
            for (int i = 0; i < width; i++) {
                double v = values[j][i];
                double t = (max > 0 && v > 0 && Double.isFinite(v)) ? v / max : 0.0;
                img.setRGB(i, j, cmap.rgb(t));
            }
        }
        return img;
    }
}
