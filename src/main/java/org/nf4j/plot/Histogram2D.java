package org.nf4j.plot;

/**
 * Counts of 2-D samples on a bins x bins grid over a {@link Region}; row 0 is the top (largest
 * y), as in images. A sample (x, y) falls in column floor((x - xMin)/dx), row
 * floor((yMax - y)/dy); samples outside the region are counted in {@link #outside()} only.
 */
public final class Histogram2D {
    private final Region region;
    private final int columns;
    private final int rows;
    private final double[][] counts;
    private long total;
    private long outside;

    /** An empty histogram of {@code columns x rows} bins. */
    public Histogram2D(Region region, int columns, int rows) {
        if (columns < 1 || rows < 1) {
            throw new IllegalArgumentException("bins must be positive");
        }
        this.region = region;
        this.columns = columns;
        this.rows = rows;
        this.counts = new double[rows][columns];
    }

    /** Adds one sample. */
    public void add(double x, double y) {
        total++;
        int i = (int) Math.floor((x - region.xMin()) / (region.xMax() - region.xMin()) * columns);
        int j = (int) Math.floor((region.yMax() - y) / (region.yMax() - region.yMin()) * rows);
        if (i < 0 || i >= columns || j < 0 || j >= rows || Double.isNaN(x) || Double.isNaN(y)) {
            outside++;
            return;
        }
        counts[j][i]++;
    }

    /** Adds samples given as rows {x, y} (e.g. an [n, 2] array). */
    public void addAll(double[][] samples) {
        for (double[] s : samples) {
            add(s[0], s[1]);
        }
    }

    /** Count in bin (row j from the top, column i). */
    public double count(int j, int i) {
        return counts[j][i];
    }

    /** Copy of the counts, [row][column], row 0 at the top. */
    public double[][] counts() {
        double[][] copy = new double[rows][];
        for (int j = 0; j < rows; j++) {
            copy[j] = counts[j].clone();
        }
        return copy;
    }

    /** Samples added, including those outside the region. */
    public long total() {
        return total;
    }

    /** Samples that fell outside the region (or were NaN). */
    public long outside() {
        return outside;
    }

    public Region region() {
        return region;
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }
}
