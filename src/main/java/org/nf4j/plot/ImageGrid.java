package org.nf4j.plot;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Grey-scale images (e.g. 28 x 28 MNIST digits, values in [0, 1], row-major) tiled into one
 * 8-bit grey image, {@code columns} per row, separated by {@code padding} pixels of mid grey.
 * Pixel value = round(255 clamp(v, 0, 1)); image k sits at grid cell (k / columns, k % columns)
 * with its top-left pixel at (padding + col (w + padding), padding + row (h + padding)).
 */
public final class ImageGrid {
    /** Grey level of the padding between images. */
    public static final int PADDING_GREY = 128;

    private ImageGrid() {
    }

    /**
     * @param images   each of length height * width, row-major, values in [0, 1]
     * @param height   rows of each image
     * @param width    columns of each image
     * @param columns  images per grid row
     * @param padding  pixels around and between images
     */
    public static BufferedImage render(List<double[]> images, int height, int width, int columns, int padding) {
        if (images.isEmpty() || columns < 1 || padding < 0) {
            throw new IllegalArgumentException("need images, columns >= 1, padding >= 0");
        }
        int cols = Math.min(columns, images.size());
        int rows = (images.size() + columns - 1) / columns;
        int outW = padding + cols * (width + padding);
        int outH = padding + rows * (height + padding);
        BufferedImage img = new BufferedImage(outW, outH, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = img.getRaster();
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                raster.setSample(x, y, 0, PADDING_GREY);
            }
        }
        for (int k = 0; k < images.size(); k++) {
            double[] pixels = images.get(k);
            if (pixels.length != height * width) {
                throw new IllegalArgumentException("image " + k + " has " + pixels.length
                        + " values, expected " + height + " x " + width);
            }
            int x0 = padding + (k % columns) * (width + padding);
            int y0 = padding + (k / columns) * (height + padding);
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    raster.setSample(x0 + c, y0 + r, 0, grey(pixels[r * width + c]));
                }
            }
        }
        return img;
    }

    /** The grid encoded as PNG bytes (e.g. for a TensorBoard image summary). */
    public static byte[] png(List<double[]> images, int height, int width, int columns, int padding) {
        return Png.encode(render(images, height, width, columns, padding));
    }

    /** Writes the grid as a PNG file. */
    public static void write(Path file, List<double[]> images, int height, int width, int columns, int padding)
            throws IOException {
        Png.write(render(images, height, width, columns, padding), file);
    }

    /** round(255 clamp(v, 0, 1)); NaN -&gt; 0. */
    static int grey(double v) {
        if (Double.isNaN(v)) {
            return 0;
        }
        return (int) Math.round(255.0 * Math.min(1.0, Math.max(0.0, v)));
    }
}
