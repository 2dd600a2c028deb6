package org.nf4j.notebook;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.nf4j.data.MnistSplitData;

/**
 * Digits drawn with the JVM's own fonts, 28 x 28 grey levels like MNIST: each a randomly sized,
 * slanted, rotated and shifted glyph 0..9 in white on black, its label the digit. They stand in
 * for MNIST where it has not been fetched, so that a notebook runs on a fresh checkout; a model
 * trained on them draws digit-like pictures but says nothing about MNIST.
 */
public final class SyntheticDigits {
    static final int SIDE = 28;
    private static final String[] FONTS = {Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED};

    private SyntheticDigits() {
    }

    /** {@code n} digits (labels in turn 0, 1, ..., 9, 0, ...), the same for the same seed. */
    public static MnistSplitData split(int n, long seed) {
        Random rng = new Random(seed);
        byte[] pixels = new byte[n * SIDE * SIDE];
        byte[] labels = new byte[n];
        BufferedImage img = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < n; i++) {
            int digit = i % 10;
            labels[i] = (byte) digit;
            draw(img, digit, rng);
            byte[] grey = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
            System.arraycopy(grey, 0, pixels, i * SIDE * SIDE, SIDE * SIDE);
        }
        return new MnistSplitData(pixels, labels, SIDE, SIDE);
    }

    private static void draw(BufferedImage img, int digit, Random rng) {
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, SIDE, SIDE);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int style = rng.nextInt(3) == 0 ? Font.PLAIN : Font.BOLD;
        Font font = new Font(FONTS[rng.nextInt(FONTS.length)], style, 20 + rng.nextInt(6));
        GlyphVector glyph = font.createGlyphVector(g.getFontRenderContext(), Integer.toString(digit));
        Rectangle2D box = glyph.getVisualBounds();
        AffineTransform t = new AffineTransform();
        t.translate(SIDE / 2.0 + rng.nextGaussian() * 1.2, SIDE / 2.0 + rng.nextGaussian() * 1.2);
        t.rotate(rng.nextGaussian() * 0.15);
        t.shear(rng.nextGaussian() * 0.15, 0);
        t.translate(-box.getCenterX(), -box.getCenterY());
        g.setColor(Color.WHITE);
        g.fill(t.createTransformedShape(glyph.getOutline()));
        g.dispose();
    }
}
