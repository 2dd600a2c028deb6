package org.nf4j.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nf4j.config.TrainConfig;
import org.nf4j.data.MnistSplitData;
import org.nf4j.eval.TestDigits;
import org.nf4j.train.DlgmTrainer;
import org.nf4j.train.LoopSettings;

/** A run trained on test-written digits, loaded back: what its samples and posterior are. */
class LoadedRunTest {
    private static final MnistSplitData TRAIN = TestDigits.split(100, 1);
    private static final MnistSplitData VALIDATION = TestDigits.split(20, 2);

    private static LoadedRun train(Path dir, TrainConfig c) throws Exception {
        new DlgmTrainer(c, dir, dir.resolve("logs"), new PrintStream(new ByteArrayOutputStream())).run(TRAIN, VALIDATION,
                LoopSettings.Resume.NEVER);
        return LoadedRun.load(dir);
    }

    @Test
    void picturesArePixelMeansAndTheSameSeedGivesTheSamePictures(@TempDir Path dir) throws Exception {
        LoadedRun r = train(dir, TestDigits.config(20));
        assertTrue(r.checkpoint().endsWith("best.zip"), r.checkpoint().toString());
        assertTrue(r.step() == 10 || r.step() == 20, "best of the validations at 10 and 20: " + r.step());
        assertEquals(20, LoadedRun.load(dir, "latest").step());
        assertTrue(r.describe().contains("flow planar, K = 2, latent 4"), r.describe());
        List<double[]> samples = r.priorSamples(6, 1);
        assertEquals(6, samples.size());
        for (double[] s : samples) {
            assertEquals(784, s.length);
            assertTrue(java.util.Arrays.stream(s).allMatch(v -> v > 0 && v < 1));
        }
        assertArrayEquals(samples.get(3), r.priorSamples(6, 1).get(3));
        assertNotEquals(samples.get(3)[400], r.priorSamples(6, 2).get(3)[400]);
        List<double[]> x = Digits.binarised(TRAIN, 0, 3, 1);
        assertEquals(3, r.reconstructions(x, 1).size());
        double[][] z = r.encode(x);
        assertArrayEquals(r.decode(z).get(1), r.decode(new double[][] {z[1]}).get(0), 1e-6, "decoding is per point");

        double[][][] q = r.posterior(x.get(0), 50, 1);
        assertEquals(50, q[0].length);
        assertEquals(4, q[1][0].length);
        assertNotEquals(q[0][7][0], q[1][7][0], "a planar flow moves the samples");
    }

    @Test
    void withoutAFlowTheSamplesCentreOnTheEncodedPoint(@TempDir Path dir) throws Exception {
        LoadedRun r = train(dir, TestDigits.config(20).with("k", "0"));
        double[] image = Digits.binarised(TRAIN, 5, 1, 1).get(0);
        double[][][] q = r.posterior(image, 4000, 3);
        assertArrayEquals(q[0][11], q[1][11], "K = 0: z_K is z0");
        double[] centre = r.encode(List.of(image))[0];
        for (int d = 0; d < centre.length; d++) {
            double mean = 0;
            double var = 0;
            for (double[] s : q[0]) {
                mean += s[d] / q[0].length;
            }
            for (double[] s : q[0]) {
                var += Math.pow(s[d] - mean, 2) / q[0].length;
            }
            assertEquals(centre[d], mean, 4 * Math.sqrt(var / q[0].length), "dimension " + d);
        }
        double[][] path = LoadedRun.line(new double[] {0, 2}, new double[] {4, -2}, 3);
        assertArrayEquals(new double[] {2, 0}, path[1], 1e-12);
    }
}
