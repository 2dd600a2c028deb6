package org.nf4j.sweep;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;
import org.nf4j.plot.LinePlot;
import org.nf4j.plot.Png;

/**
 * Like the paper's Figure 4: against the flow length K, on the left -ln p(x) and -ELBO (the free
 * energy F), on the right the KL estimate, for each flow (the diagonal model is every flow's K = 0
 * point; with several seeds, the means over them), with the paper's planar numbers at the same K as
 * "paper" series; the caption names both protocols.
 */
public final class Figure4Plot {
    static final int WIDTH = 640;
    static final int HEIGHT = 440;

    private Figure4Plot() {
    }

    /** Height of the caption strip under the panels. */
    static final int CAPTION = 44;

    /**
     * @param caption what the figure shows (protocols and budget), drawn under the panels; it is cut
     *                into lines at " | "
     */
    public static void write(List<Table2Row> rows, String caption, Path file) throws IOException {
        LinePlot bounds = new LinePlot("-ln p(x) and -ELBO against K (lower is better)").xLabel("K (flow length)").yLabel("nats");
        LinePlot kl = new LinePlot("KL(q || p(z|x)) = -ELBO - (-ln p(x))").xLabel("K (flow length)").yLabel("nats");
        List<Table2Model> models = Table2Model.of(rows);
        Table2Model diagonal = models.stream().filter(m -> m.k() == 0).findFirst().orElse(null);
        List<String> flows = models.stream().filter(m -> m.k() > 0).map(Table2Model::flow).distinct().toList();
        if (flows.isEmpty() && diagonal != null) {
            flows = List.of("diagonal");
        }
        for (String flow : flows) {
            TreeMap<Integer, Table2Model> byK = new TreeMap<>();
            if (diagonal != null) {
                byK.put(0, diagonal);
            }
            models.stream().filter(m -> m.k() > 0 && m.flow().equals(flow)).forEach(m -> byK.put(m.k(), m));
            bounds.series(flow + " -ln p(x)", xs(byK), ys(byK, m -> m.negLogPx().mean()));
            bounds.series(flow + " -ELBO", xs(byK), ys(byK, m -> m.negElbo().mean()));
            kl.series(flow, xs(byK), ys(byK, m -> m.kl().mean()));
        }
        List<Integer> ks = rows.stream().map(Table2Row::k).distinct().sorted().toList();
        paper(bounds, "paper planar -ln p(x)", ks, PaperTable2::negLogPx);
        paper(bounds, "paper planar -ELBO (Fig. 4)", ks, PaperTable2::figure4NegElbo);
        paper(kl, "paper planar (Fig. 4)", ks, PaperTable2::figure4Kl);

        BufferedImage left = bounds.render(WIDTH, HEIGHT);
        BufferedImage right = kl.render(WIDTH, HEIGHT);
        BufferedImage both = new BufferedImage(2 * WIDTH, HEIGHT + CAPTION, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, both.getWidth(), both.getHeight());
        g.drawImage(left, 0, 0, null);
        g.drawImage(right, WIDTH, 0, null);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
        String[] lines = caption.split(" \\| ");
        for (int i = 0; i < lines.length && i < 3; i++) {
            g.drawString(lines[i], 12, HEIGHT + 16 + 14 * i);
        }
        g.dispose();
        Png.write(both, file);
    }

    private static void paper(LinePlot plot, String name, List<Integer> ks, BiFunction<String, Integer, OptionalDouble> value) {
        List<double[]> points = new ArrayList<>();
        for (int k : ks) {
            OptionalDouble v = value.apply("planar", k);
            if (v.isPresent()) {
                points.add(new double[] {k, v.getAsDouble()});
            }
        }
        if (!points.isEmpty()) {
            plot.series(name, points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray());
        }
    }

    private static double[] xs(TreeMap<Integer, Table2Model> byK) {
        return byK.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
    }

    private static double[] ys(TreeMap<Integer, Table2Model> byK, ToDoubleFunction<Table2Model> f) {
        return byK.values().stream().mapToDouble(f).toArray();
    }
}
