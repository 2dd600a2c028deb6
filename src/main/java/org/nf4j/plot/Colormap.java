package org.nf4j.plot;

/**
 * Colour maps t in [0, 1] -&gt; RGB by piecewise-linear interpolation between anchor colours
 * spaced evenly over [0, 1]:
 * <pre>
 *   t' = t (n - 1),  k = floor(t'),  rgb = (1 - (t' - k)) c_k + (t' - k) c_{k+1}.
 * </pre>
 */
public enum Colormap {
    /** Matplotlib's viridis sampled at 10 points: dark purple (0) to yellow (1); lightness increases with t. */
    VIRIDIS(0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b, 0xfde725),
    /** White (0) to dark blue (1), like the paper's figures (ColorBrewer "Blues"); lightness decreases with t. */
    WHITE_BLUE(0xffffff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x08519c, 0x08306b);

    private final int[] anchors;

    Colormap(int... anchors) {
        this.anchors = anchors;
    }

    /** Packed 0xRRGGBB for t (clamped to [0, 1]; NaN -&gt; 0). */
    public int rgb(double t) {
        double c = Double.isNaN(t) ? 0.0 : Math.min(1.0, Math.max(0.0, t));
        double pos = c * (anchors.length - 1);
        int k = Math.min((int) Math.floor(pos), anchors.length - 2);
        double f = pos - k;
        int a = anchors[k];
        int b = anchors[k + 1];
        int r = mix((a >> 16) & 0xff, (b >> 16) & 0xff, f);
        int g = mix((a >> 8) & 0xff, (b >> 8) & 0xff, f);
        int bl = mix(a & 0xff, b & 0xff, f);
        return (r << 16) | (g << 8) | bl;
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
