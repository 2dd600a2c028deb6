package org.nf4j.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nf4j.config.TrainConfig;
import org.nf4j.eval.EvalResult;
import org.nf4j.eval.EvalRun;

/** The table's layout and the paper's numbers beside ours, from made-up results (no training). */
class Table2TableTest {

    private static Table2Row row(String flow, int k, double negLogPx, double negElbo) {
        return new Table2Row(flow, k, 1, "r-" + flow + "-k" + k, 3000, new EvalResult("r", "best.zip", 3000, "test", 10000, 200, 1,
                negElbo, 0.2, negLogPx, 0.3, negElbo - negLogPx, 0.05, 1.0));
    }

    private static final List<Table2Row> ROWS = List.of(row("diagonal", 0, 95.0, 101.0), row("planar", 10, 93.5, 98.0)
                    .withVsDiagonal(new org.nf4j.eval.PairedDifference(10000, new org.nf4j.eval.MeanEstimate(-1.5, 0.04, 10000),
                            new org.nf4j.eval.MeanEstimate(-3.0, 0.05, 10000))),
            row("planar", 80, 92.25, 96.0), row("nice-perm", 10, 94.0, 99.5), row("radial", 10, 94.5, 99.0));

    @Test
    void rowsFollowThePaperWithItsNumbersBesideOurs() {
        String md = Table2Table.markdown(ROWS, TrainConfig.DEFAULTS.with("steps", "3000"), EvalRun.Settings.defaults());
        assertTrue(md.contains("| DLGM diagonal covariance | 0 | 1 | 95.00 ± 0.30 | – | 89.9 | – | 101.00 ± 0.20 | 6.00 ± 0.05 | 3,000 |"), md);
        assertTrue(md.contains("| DLGM + NF (planar) | 10 | 1 | 93.50 ± 0.30 | – | 87.5 | -1.50 ± 0.04 | 98.00 ± 0.20 |"), md);
        assertTrue(md.contains("| DLGM + NF (planar) | 80 | 1 | 92.25 ± 0.30 | – | 85.1 |"), md);
        assertTrue(md.contains("| DLGM + NICE (perm) | 10 | 1 | 94.00 ± 0.30 | – | 88.6 |"), md);
        assertTrue(md.contains("| DLGM + radial | 10 | 1 | 94.50 ± 0.30 | – | – |"), md);
        assertTrue(md.contains("| DLGM + NF (planar) | 89.9 | 87.5 | 86.5 | 85.7 | 85.1 |"), md);
        assertTrue(md.contains("| DLGM + NICE (perm) | 89.9 | 88.6 | 87.9 | 87.3 | 87.2 |"), md);
        assertTrue(md.contains("S = 200") && md.contains("3,000 updates") && md.contains("first 50,000 training digits")
                && md.contains("Paper: Rezende and Mohamed (2015), Table 2: 500,000 RMSprop updates"), md);
    }

    @Test
    void csvHasOneLinePerCellWithThePaperColumns() {
        List<String> lines = Table2Table.csv(ROWS, TrainConfig.DEFAULTS.with("steps", "3000"), EvalRun.Settings.defaults())
                .lines().toList();
        assertEquals(ROWS.size() + 1, lines.size());
        assertTrue(lines.get(0).startsWith("model,flow,k,seeds,steps,neg_log_px_is,neg_log_px_is_se,neg_log_px_seed_sd,paper_neg_log_px,"));
        assertTrue(lines.get(1).contains(",89.9,") && lines.get(1).contains(",96.7,6.8,"), lines.get(1));
        assertTrue(lines.get(2).contains(",87.5,-1.5000,0.0400,") && lines.get(2).contains(",93.55,6.03,"), lines.get(2));
        assertTrue(lines.get(5).contains(",radial,10,1,3000,94.5000,0.3000,,,,"), lines.get(5));
        assertTrue(lines.get(1).endsWith(",static,\"3,000 updates of 100 digits with adam, learning rate 0.001, gradient norm clipped at "
                + "100.0; dynamic binarisation of the first 50,000 training digits, the best checkpoint chosen on the other 10,000 "
                + "(validation -ELBO); annealed free energy beta_t = min(1, 0.01 + t/10000); -ln p(x) by importance sampling "
                + "with S = 200 samples per digit over all 10,000 test digits, binarised once (static)\",\"500,000 RMSprop updates "
                + "(lr 1e-5, momentum 0.9) of 100 binarised digits, beta_t = min(1, 0.01 + t/10000), -ln p(x) by importance "
                + "sampling with S = 200; its training split and binarisation are not stated\""), lines.get(1));
    }

    @Test
    void severalSeedsGiveTheMeanAndTheErrorAcrossSeeds() {
        // two seeds of each model; the paired differences per seed are -1.0 and -2.0
        Table2Row d1 = row("diagonal", 0, 95.0, 101.0);
        Table2Row d2 = new Table2Row("diagonal", 0, 2, "r-d-2", 3000, row("diagonal", 0, 96.0, 102.0).eval());
        Table2Row p1 = row("planar", 10, 94.0, 98.0).withVsDiagonal(paired(-1.0));
        Table2Row p2 = new Table2Row("planar", 10, 2, "r-p-2", 3000, row("planar", 10, 95.0, 99.0).eval()).withVsDiagonal(paired(-2.0));
        List<Table2Model> models = Table2Model.of(List.of(d1, p1, d2, p2));
        assertEquals(2, models.size());
        Table2Model diagonal = models.get(0);
        assertEquals(95.5, diagonal.negLogPx().mean(), 1e-12);
        assertEquals(0.5, diagonal.negLogPx().standardError(), 1e-12, "sd / sqrt(2) = (1 / sqrt 2) / sqrt 2");
        assertEquals(Math.sqrt(0.5), diagonal.seedSpread(), 1e-12);
        assertEquals(-1.5, models.get(1).vsDiagonal().mean(), 1e-12);
        assertEquals(0.5, models.get(1).vsDiagonal().standardError(), 1e-12, "across seeds, not the digits' 0.04");
        String md = Table2Table.markdown(List.of(d1, p1, d2, p2), TrainConfig.DEFAULTS.with("steps", "3000"), EvalRun.Settings.defaults());
        assertTrue(md.contains("| DLGM + NF (planar) | 10 | 2 | 94.50 ± 0.50 | 0.71 | 87.5 | -1.50 ± 0.50 | 98.50 ± 0.50 |"), md);
        assertTrue(md.contains("| DLGM diagonal covariance | 0 | 2 | 95.50 ± 0.50 | 0.71 | 89.9 |"), md);
        assertEquals(5, Table2Table.runsCsv(List.of(d1, p1, d2, p2)).lines().count());
    }

    private static org.nf4j.eval.PairedDifference paired(double mean) {
        return new org.nf4j.eval.PairedDifference(10000, new org.nf4j.eval.MeanEstimate(mean, 0.04, 10000),
                new org.nf4j.eval.MeanEstimate(2 * mean, 0.05, 10000));
    }

    @Test
    void figureHasTwoPanels(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("f.png");
        Figure4Plot.write(ROWS, "nf4j: a caption | paper: another", file);
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(2 * Figure4Plot.WIDTH, img.getWidth());
        assertEquals(Figure4Plot.HEIGHT + Figure4Plot.CAPTION, img.getHeight());
    }
}
