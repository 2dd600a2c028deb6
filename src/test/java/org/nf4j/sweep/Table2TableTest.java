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
        return new Table2Row(flow, k, "r-" + flow + "-k" + k, 3000, new EvalResult("r", "best.zip", 3000, "test", 10000, 200, 1,
                negElbo, 0.2, negLogPx, 0.3, negElbo - negLogPx, 0.05, 1.0));
    }

    private static final List<Table2Row> ROWS = List.of(row("diagonal", 0, 95.0, 101.0), row("planar", 10, 93.5, 98.0)
                    .withVsDiagonal(new org.nf4j.eval.PairedDifference(10000, new org.nf4j.eval.MeanEstimate(-1.5, 0.04, 10000),
                            new org.nf4j.eval.MeanEstimate(-3.0, 0.05, 10000))),
            row("planar", 80, 92.25, 96.0), row("nice-perm", 10, 94.0, 99.5), row("radial", 10, 94.5, 99.0));

    @Test
    void rowsFollowThePaperWithItsNumbersBesideOurs() {
        String md = Table2Table.markdown(ROWS, TrainConfig.DEFAULTS.with("steps", "3000"), EvalRun.Settings.defaults());
        assertTrue(md.contains("| DLGM diagonal covariance | 0 | 95.00 ± 0.30 | 89.9 | – | 101.00 ± 0.20 | 6.00 ± 0.05 | 3,000 |"), md);
        assertTrue(md.contains("| DLGM + NF (planar) | 10 | 93.50 ± 0.30 | 87.5 | -1.50 ± 0.04 | 98.00 ± 0.20 |"), md);
        assertTrue(md.contains("| DLGM + NF (planar) | 80 | 92.25 ± 0.30 | 85.1 |"), md);
        assertTrue(md.contains("| DLGM + NICE (perm) | 10 | 94.00 ± 0.30 | 88.6 |"), md);
        assertTrue(md.contains("| DLGM + radial | 10 | 94.50 ± 0.30 | – |"), md);
        assertTrue(md.contains("| DLGM + NF (planar) | 89.9 | 87.5 | 86.5 | 85.7 | 85.1 |"), md);
        assertTrue(md.contains("| DLGM + NICE (perm) | 89.9 | 88.6 | 87.9 | 87.3 | 87.2 |"), md);
        assertTrue(md.contains("S = 200") && md.contains("3,000 updates"), md);
    }

    @Test
    void csvHasOneLinePerCellWithThePaperColumns() {
        List<String> lines = Table2Table.csv(ROWS).lines().toList();
        assertEquals(ROWS.size() + 1, lines.size());
        assertTrue(lines.get(0).startsWith("model,flow,k,steps,neg_log_px_is,neg_log_px_is_se,paper_neg_log_px,"));
        assertTrue(lines.get(1).contains(",89.9,") && lines.get(1).contains(",96.7,6.8,"), lines.get(1));
        assertTrue(lines.get(2).contains(",87.5,-1.5000,0.0400,") && lines.get(2).contains(",93.55,6.03,"), lines.get(2));
        assertTrue(lines.get(5).contains(",radial,10,3000,94.5000,0.3000,,,,"), lines.get(5));
    }

    @Test
    void figureHasTwoPanels(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("f.png");
        Figure4Plot.write(ROWS, file);
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(2 * Figure4Plot.WIDTH, img.getWidth());
        assertEquals(Figure4Plot.HEIGHT, img.getHeight());
    }
}
