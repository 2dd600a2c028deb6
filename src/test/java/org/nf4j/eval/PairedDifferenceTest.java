package org.nf4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paired differences: a shared per-digit difficulty cancels, so the paired error is small. */
class PairedDifferenceTest {

    @Test
    void sharedDifficultyCancels(@TempDir Path dir) throws IOException {
        Random rng = new Random(3);
        int n = 2000;
        ImportanceSampler.Estimate[] a = new ImportanceSampler.Estimate[n];
        ImportanceSampler.Estimate[] b = new ImportanceSampler.Estimate[n];
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double difficulty = 100 + 20 * rng.nextGaussian();
            double d = -0.5 + 0.1 * rng.nextGaussian();
            a[i] = new ImportanceSampler.Estimate(-(difficulty + d), difficulty + d + 5);
            b[i] = new ImportanceSampler.Estimate(-difficulty, difficulty + 5);
            sum += d;
            sumSq += d * d;
        }
        PairedDifference.write(dir.resolve("a.csv"), a);
        PairedDifference.write(dir.resolve("b.csv"), b);
        PairedDifference p = PairedDifference.of(dir.resolve("a.csv"), dir.resolve("b.csv"));
        double mean = sum / n;
        double se = Math.sqrt((sumSq - n * mean * mean) / (n - 1) / n);
        assertEquals(n, p.examples());
        assertEquals(mean, p.negLogPx().mean(), 1e-5);
        assertEquals(se, p.negLogPx().standardError(), 1e-4);
        assertEquals(mean, p.negElbo().mean(), 1e-5);
        assertTrue(p.negLogPx().standardError() < 0.01, "paired error " + p.negLogPx().standardError());
        assertTrue(p.summaryLine("a", "b").contains("-ln p(x) -0.5"), p.summaryLine("a", "b"));
    }

    @Test
    void damagedFileIsRejected(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.csv"), "example,neg_log_px_is,neg_elbo\n0,1,2\n2,1,2\n");
        assertThrows(IOException.class, () -> PairedDifference.of(dir.resolve("a.csv"), dir.resolve("a.csv")));
    }

    @Test
    void overSeedsTheErrorIsTheSpreadAcrossRunsNotAcrossDigits() {
        PairedDifference a = new PairedDifference(100, new MeanEstimate(-1.0, 0.04, 100), new MeanEstimate(-2.0, 0.05, 100));
        PairedDifference b = new PairedDifference(100, new MeanEstimate(-2.0, 0.04, 100), new MeanEstimate(-3.0, 0.05, 100));
        MeanEstimate both = PairedDifference.overSeeds(java.util.List.of(a, b));
        assertEquals(-1.5, both.mean(), 1e-12);
        assertEquals(0.5, both.standardError(), 1e-12);
        assertEquals(a.negLogPx(), PairedDifference.overSeeds(java.util.List.of(a)), "one pair: its own digit-level error");
    }
}
