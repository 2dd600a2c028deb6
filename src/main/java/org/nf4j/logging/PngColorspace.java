package org.nf4j.logging;

/**
 * The {@code Summary.Image.colorspace} code of a PNG, read from its IHDR colour-type byte
 * (offset 25): grey 0 -&gt; 1, grey+alpha 4 -&gt; 2, RGB 2 -&gt; 3, RGBA 6 -&gt; 4; palette (3) and
 * anything unrecognised -&gt; 3 (TensorBoard decodes the PNG itself and only displays this).
 */
final class PngColorspace {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngColorspace() {
    }

    static int of(byte[] png) {
        if (png.length < 26) {
            return 3;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (png[i] != SIGNATURE[i]) {
                return 3;
            }
        }
        switch (png[25]) {
            case 0:
                return 1;
            case 4:
                return 2;
            case 6:
                return 4;
            default:
                return 3;
        }
    }
}
