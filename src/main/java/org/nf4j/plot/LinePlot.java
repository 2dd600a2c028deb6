package org.nf4j.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Line plot of named (x, y) series with axes, ticks, a legend, optional log-scale x axis
 * (e.g. flow length K = 2, 8, 32) and optional horizontal reference lines (e.g. -ln Z).
 *
 * <p>Data to pixels: px = left + (f(x) - f(x0)) / (f(x1) - f(x0)) plotWidth with f = ln on a
 * log axis and the identity otherwise; py likewise, upwards. Axis ranges cover all finite data
 * and reference values, padded by 5% on each side. Non-finite y values break a line.
 */
public final class LinePlot {
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};

    private record Series(String name, double[] x, double[] y) {
    }

    private record Reference(String name, double y) {
    }

    private final String title;
    private String xLabel = "";
    private String yLabel = "";
    private boolean logX;
    private final List<Series> series = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();

    /** An empty plot with a title. */
    public LinePlot(String title) {
        this.title = title;
    }

    public LinePlot xLabel(String label) {
        this.xLabel = label;
        return this;
    }

    public LinePlot yLabel(String label) {
        this.yLabel = label;
        return this;
    }

    /** Logarithmic x axis (all x must be &gt; 0). */
    public LinePlot logX(boolean log) {
        this.logX = log;
        return this;
    }

    /** Adds a series; x and y must have equal length. */
    public LinePlot series(String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y lengths differ for " + name);
        }
        series.add(new Series(name, x.clone(), y.clone()));
        return this;
    }

    /** Adds a dashed horizontal reference line at y, listed in the legend. */
    public LinePlot reference(String name, double y) {
        references.add(new Reference(name, y));
        return this;
    }

    /** Renders the plot at width x height pixels. */
    public BufferedImage render(int width, int height) {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        TreeSet<Double> xs = new TreeSet<>();
        for (Series s : series) {
            for (int i = 0; i < s.x.length; i++) {
                if (logX && !(s.x[i] > 0)) {
                    throw new IllegalArgumentException("log x axis needs x > 0, got " + s.x[i] + " in " + s.name);
                }
                if (Double.isFinite(s.x[i]) && Double.isFinite(s.y[i])) {
                    x0 = Math.min(x0, s.x[i]);
                    x1 = Math.max(x1, s.x[i]);
                    y0 = Math.min(y0, s.y[i]);
                    y1 = Math.max(y1, s.y[i]);
                    xs.add(s.x[i]);
                }
            }
        }
        for (Reference r : references) {
            y0 = Math.min(y0, r.y);
            y1 = Math.max(y1, r.y);
        }
        if (!Double.isFinite(x0)) {
            x0 = logX ? 1 : 0;
            x1 = logX ? 10 : 1;
        }
        if (!Double.isFinite(y0)) {
            y0 = 0;
            y1 = 1;
        }
        if (x1 == x0) {
            x0 = logX ? x0 / 2 : x0 - 1;
            x1 = logX ? x1 * 2 : x1 + 1;
        }
        if (y1 == y0) {
            y0 -= 1;
            y1 += 1;
        }
        double fx0 = fx(x0);
        double fx1 = fx(x1);
        double padX = 0.05 * (fx1 - fx0);
        double padY = 0.05 * (y1 - y0);
        final double ax0 = fx0 - padX;
        final double ax1 = fx1 + padX;
        final double ay0 = y0 - padY;
        final double ay1 = y1 + padY;

        Canvas c = new Canvas(width, height);
        int left = 70;
        int right = 20;
        int top = 40;
        int bottom = 55;
        int pw = width - left - right;
        int ph = height - top - bottom;
        java.util.function.DoubleUnaryOperator px = x -> left + (fx(x) - ax0) / (ax1 - ax0) * pw;
        java.util.function.DoubleUnaryOperator py = y -> top + ph - (y - ay0) / (ay1 - ay0) * ph;

        c.centred(title, Canvas.TITLE, width / 2.0, top / 2.0);
        c.centred(xLabel, Canvas.LABEL, left + pw / 2.0, height - 14);
        c.vertical(yLabel, Canvas.LABEL, 16, top + ph / 2.0);

        Stroke thin = new BasicStroke(1f);
        Color grid = new Color(0xe6e6e6);
        List<Double> xTicks = logX ? Ticks.log(Math.exp(ax0), Math.exp(ax1), xs) : Ticks.linear(ax0, ax1, 6);
        for (double t : xTicks) {
            double p = px.applyAsDouble(t);
            c.g.setColor(grid);
            c.g.setStroke(thin);
            c.g.draw(new Line2D.Double(p, top, p, top + ph));
            c.g.setColor(Color.BLACK);
            c.g.draw(new Line2D.Double(p, top + ph, p, top + ph + 5));
            c.centred(Ticks.label(t), Canvas.SMALL, p, top + ph + 14);
        }
        for (double t : Ticks.linear(ay0, ay1, 6)) {
            double p = py.applyAsDouble(t);
            c.g.setColor(grid);
            c.g.draw(new Line2D.Double(left, p, left + pw, p));
            c.g.setColor(Color.BLACK);
            c.g.draw(new Line2D.Double(left - 5, p, left, p));
            String label = Ticks.label(t);
            c.g.setFont(Canvas.SMALL);
            c.g.drawString(label, left - 8 - c.width(label, Canvas.SMALL), (float) p + 4);
        }
        c.g.setColor(Color.BLACK);
        c.g.drawRect(left, top, pw, ph);

        java.awt.Shape clip = c.g.getClip();
        c.g.clipRect(left, top, pw + 1, ph + 1);
        Stroke dashed = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
        for (int k = 0; k < references.size(); k++) {
            c.g.setColor(Color.DARK_GRAY);
            c.g.setStroke(dashed);
            double p = py.applyAsDouble(references.get(k).y);
            c.g.draw(new Line2D.Double(left, p, left + pw, p));
        }
        c.g.setStroke(new BasicStroke(2f));
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            c.g.setColor(PALETTE[k % PALETTE.length]);
            double prevX = Double.NaN;
            double prevY = Double.NaN;
            for (int i = 0; i < s.x.length; i++) {
                if (!Double.isFinite(s.x[i]) || !Double.isFinite(s.y[i])) {
                    prevX = Double.NaN;
                    continue;
                }
                double qx = px.applyAsDouble(s.x[i]);
                double qy = py.applyAsDouble(s.y[i]);
                if (!Double.isNaN(prevX)) {
                    c.g.draw(new Line2D.Double(prevX, prevY, qx, qy));
                }
                c.g.fill(new Ellipse2D.Double(qx - 3.5, qy - 3.5, 7, 7));
                prevX = qx;
                prevY = qy;
            }
        }
        c.g.setClip(clip);
        drawLegend(c, left + pw, top, dashed);
        return c.finish();
    }

    private void drawLegend(Canvas c, int rightEdge, int top, Stroke dashed) {
        int n = series.size() + references.size();
        if (n == 0) {
            return;
        }
        int textW = 0;
        for (Series s : series) {
            textW = Math.max(textW, c.width(s.name, Canvas.SMALL));
        }
        for (Reference r : references) {
            textW = Math.max(textW, c.width(r.name, Canvas.SMALL));
        }
        int rowH = 16;
        int boxW = textW + 40;
        int boxH = n * rowH + 8;
        int x = rightEdge - boxW - 8;
        int y = top + 8;
        c.g.setColor(new Color(255, 255, 255, 230));
        c.g.fillRect(x, y, boxW, boxH);
        c.g.setColor(Color.GRAY);
        c.g.setStroke(new BasicStroke(1f));
        c.g.drawRect(x, y, boxW, boxH);
        for (int k = 0; k < n; k++) {
            double cy = y + 4 + rowH * (k + 0.5);
            String name;
            if (k < series.size()) {
                c.g.setColor(PALETTE[k % PALETTE.length]);
                c.g.setStroke(new BasicStroke(2f));
                c.g.draw(new Line2D.Double(x + 6, cy, x + 28, cy));
                c.g.fill(new Ellipse2D.Double(x + 17 - 3, cy - 3, 6, 6));
                name = series.get(k).name;
            } else {
                c.g.setColor(Color.DARK_GRAY);
                c.g.setStroke(dashed);
                c.g.draw(new Line2D.Double(x + 6, cy, x + 28, cy));
                name = references.get(k - series.size()).name;
            }
            c.g.setColor(Color.BLACK);
            c.g.setFont(Canvas.SMALL);
            c.g.drawString(name, x + 34, (float) cy + 4);
        }
    }

    /** Renders and writes the plot as a PNG of width x height pixels. */
    public void write(Path file, int width, int height) throws IOException {
        Png.write(render(width, height), file);
    }

    private double fx(double x) {
        return logX ? Math.log(x) : x;
    }
}
