package org.nf4j.plot;

/**
 * An axis-aligned rectangle [xMin, xMax] x [yMin, yMax] of the plane (z1 horizontal, z2 vertical).
 *
 * <p>Pixel (column i, row j) of a width x height raster covers the cell whose centre is
 * x = xMin + (i + 0.5)(xMax - xMin)/width, y = yMax - (j + 0.5)(yMax - yMin)/height
 * (row 0 at the top, so z2 points up).
 */
public record Region(double xMin, double xMax, double yMin, double yMax) {

    /** Validates xMin &lt; xMax and yMin &lt; yMax. */
    public Region {
        if (!(xMin < xMax) || !(yMin < yMax)) {
            throw new IllegalArgumentException("empty region " + xMin + ".." + xMax + " x " + yMin + ".." + yMax);
        }
    }

    /** The square [-h, h]^2. */
    public static Region square(double halfWidth) {
        return new Region(-halfWidth, halfWidth, -halfWidth, halfWidth);
    }

    /** x at the centre of pixel column i of {@code width}. */
    public double x(int i, int width) {
        return xMin + (i + 0.5) * (xMax - xMin) / width;
    }

    /** y at the centre of pixel row j of {@code height} (row 0 at the top). */
    public double y(int j, int height) {
        return yMax - (j + 0.5) * (yMax - yMin) / height;
    }
}
