package org.nf4j.notebook;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.nf4j.plot.Colormap;
import org.nf4j.plot.DensityImage;
import org.nf4j.plot.FigureGrid;
import org.nf4j.plot.Histogram2D;
import org.nf4j.plot.ImageGrid;
import org.nf4j.plot.Region;

/**
 * Pictures for a cell to end with (a {@link BufferedImage} as a cell's value shows inline): grids of
 * digits, PNG files, rows of labelled pictures, 2-D histograms of samples and where samples moved,
 * drawn with {@code org.nf4j.plot} and Java2D.
 */
public final class Show {
    /** Digits are drawn at this many screen pixels per image pixel. */
    static final int DIGIT_ZOOM = 2;
    /** Histogram bins are this many pixels wide. */
    static final int HISTOGRAM_ZOOM = 4;

    private Show() {
    }

    /** 28 x 28 pictures (values in [0, 1], 1 white) in a grid of {@code columns}, enlarged. */
    public static BufferedImage digits(List<double[]> images, int columns) {
        return zoom(ImageGrid.render(images, 28, 28, columns, 1), DIGIT_ZOOM);
    }

    /** A PNG file (e.g. a run's picture). */
    public static BufferedImage png(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(file + " is not an image");
        }
        return image;
    }

    /** Pictures side by side under a title, each with its label. */
    public static BufferedImage row(String title, List<String> labels, BufferedImage... pictures) {
        if (labels.size() != pictures.length) {
            throw new IllegalArgumentException(labels.size() + " labels for " + pictures.length + " pictures");
        }
        FigureGrid grid = new FigureGrid(title, List.of(""), labels);
        for (int i = 0; i < pictures.length; i++) {
            grid.set(0, i, pictures[i]);
        }
        return grid.render();
    }

    /**
     * A 2-D histogram of points [n][2] over {@code region}, {@code size} pixels square, in bins of 4 x 4
     * pixels (white: none, dark blue: most).
     */
    public static BufferedImage histogram(double[][] points, Region region, int size) {
        int bins = Math.max(1, size / HISTOGRAM_ZOOM);
        Histogram2D h = new Histogram2D(region, bins, bins);
        h.addAll(points);
        return zoom(DensityImage.of(h, bins, bins, Colormap.WHITE_BLUE), HISTOGRAM_ZOOM);
    }

    /**
     * Where points moved: for the first {@code count} pairs, a grey line from {@code from[i]} (a
     * light dot) to {@code to[i]} (a blue dot), over {@code region}, {@code size} pixels square.
     */
    public static BufferedImage moves(double[][] from, double[][] to, Region region, int size, int count) {
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        int n = Math.min(count, Math.min(from.length, to.length));
        for (int i = 0; i < n; i++) {
            double x0 = px(from[i][0], region.xMin(), region.xMax(), size);
            double y0 = size - px(from[i][1], region.yMin(), region.yMax(), size);
            double x1 = px(to[i][0], region.xMin(), region.xMax(), size);
            double y1 = size - px(to[i][1], region.yMin(), region.yMax(), size);
            g.setColor(new Color(150, 150, 150));
            g.draw(new Line2D.Double(x0, y0, x1, y1));
            g.setColor(new Color(190, 190, 190));
            g.fill(new Ellipse2D.Double(x0 - 1.5, y0 - 1.5, 3, 3));
            g.setColor(new Color(8, 48, 107));
            g.fill(new Ellipse2D.Double(x1 - 1.5, y1 - 1.5, 3, 3));
        }
        g.dispose();
        return out;
    }

    /**
     * A square that holds the middle 99% of every set's points [n][2] in both coordinates, with a
     * margin: a common frame for pictures to compare.
     */
    public static Region frame(double[][]... sets) {
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[][] set : sets) {
            for (int a = 0; a < 2; a++) {
                int axis = a;
                double[] v = Arrays.stream(set).mapToDouble(p -> p[axis]).sorted().toArray();
                lo[a] = Math.min(lo[a], v[(int) Math.floor(0.005 * (v.length - 1))]);
                hi[a] = Math.max(hi[a], v[(int) Math.ceil(0.995 * (v.length - 1))]);
            }
        }
        double half = 0.55 * Math.max(Math.max(hi[0] - lo[0], hi[1] - lo[1]), 1e-9);
        double cx = (lo[0] + hi[0]) / 2;
        double cy = (lo[1] + hi[1]) / 2;
        return new Region(cx - half, cx + half, cy - half, cy + half);
    }

    private static double px(double v, double min, double max, int size) {
        return (v - min) / (max - min) * size;
    }

    private static BufferedImage zoom(BufferedImage image, int factor) {
        BufferedImage out = new BufferedImage(image.getWidth() * factor, image.getHeight() * factor, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(image, 0, 0, out.getWidth(), out.getHeight(), null);
        g.dispose();
        return out;
    }
}
