package org.nf4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BinarizationTest {
    /** One "image" holding every intensity 0..255 once. */
    private static byte[] allIntensities() {
        byte[] px = new byte[256];
        for (int v = 0; v < 256; v++) {
            px[v] = (byte) v;
        }
        return px;
    }

    /**
     * Over K independent draws the mean of pixel v estimates p = v/255 with standard error
     * sqrt(p(1-p)/K). With K = 20,000 that is at most 0.0035; we allow 5 standard errors per pixel,
     * so a correct sampler fails a given pixel with probability ~6e-7 (~1.5e-4 over all 256), and
     * a sampler off by 0.02 anywhere in the middle range is caught. Intensities 0 and 255 must be
     * exact. The draws are seeded, so the test is deterministic.
     */
    @Test
    void dynamicMeanMatchesIntensity() {
        byte[] px = allIntensities();
        int draws = 20_000;
        long[] ones = new long[256];
        float[] out = new float[256];
        for (int d = 0; d < draws; d++) {
            BernoulliSampler.sample(px, 0, 256, BernoulliSampler.key(42, d, 7), out, 0);
            for (int v = 0; v < 256; v++) {
                ones[v] += (long) out[v];
            }
        }
        assertEquals(0, ones[0]);
        assertEquals(draws, ones[255]);
        for (int v = 1; v < 255; v++) {
            double p = v / 255.0;
            double mean = ones[v] / (double) draws;
            double se = Math.sqrt(p * (1 - p) / draws);
            assertTrue(Math.abs(mean - p) < 5 * se, "intensity " + v + ": mean " + mean + " vs p " + p);
        }
    }

    @Test
    void dynamicThroughIteratorMatchesIntensityAndChangesEachEpoch() {
        // 10 examples of all intensities; 2,000 epochs = 20,000 draws per intensity
        byte[] px = new byte[10 * 256];
        for (int i = 0; i < 10; i++) {
            System.arraycopy(allIntensities(), 0, px, i * 256, 256);
        }
        MnistSplitData data = new MnistSplitData(px, null, 16, 16);
        MnistIteratorConfig cfg = MnistIteratorConfig.defaults().withBatchSize(10);
        long[] ones = new long[256];
        int epochs = 2_000;
        float[] firstEpoch = null;
        float[] secondEpoch = null;
        try (MnistIterator it = new MnistIterator(data, cfg)) {
            for (int e = 0; e < epochs; e++) {
                MnistBatch b = it.next();
                float[] f = b.features().data().asFloat();
                for (int k = 0; k < f.length; k++) {
                    ones[k % 256] += (long) f[k];
                }
                if (e == 0) {
                    firstEpoch = f;
                } else if (e == 1) {
                    secondEpoch = f;
                }
                assertFalse(it.hasNext());
                it.nextEpoch();
            }
        }
        int draws = epochs * 10;
        for (int v = 1; v < 255; v++) {
            double p = v / 255.0;
            double se = Math.sqrt(p * (1 - p) / draws);
            assertTrue(Math.abs(ones[v] / (double) draws - p) < 5 * se, "intensity " + v);
        }
        assertEquals(0, ones[0]);
        assertEquals(draws, ones[255]);
        assertFalse(Arrays.equals(firstEpoch, secondEpoch), "dynamic binarisation must redraw every epoch");
    }

    private static MnistSplitData greyData() {
        byte[] px = new byte[50 * 64];
        for (int k = 0; k < px.length; k++) {
            px[k] = (byte) IdxTestFiles.pixel(k / 64, k % 64);
        }
        return new MnistSplitData(px, null, 8, 8);
    }

    /** The bits each example gets in one epoch, indexed by example. */
    private static float[][] epochBits(MnistIterator it, MnistSplitData data) {
        float[][] bits = new float[data.size()][];
        while (it.hasNext()) {
            MnistBatch b = it.next();
            float[] f = b.features().data().asFloat();
            for (int r = 0; r < b.size(); r++) {
                bits[b.indices()[r]] = Arrays.copyOfRange(f, r * 64, (r + 1) * 64);
            }
        }
        return bits;
    }

    @Test
    void staticIsIdenticalAcrossRunsAndEpochs() {
        MnistSplitData data = greyData();
        MnistIteratorConfig cfg = MnistIteratorConfig.defaults().withBatchSize(7).withBinarization(Binarization.STATIC);
        float[][] run1;
        float[][] run1epoch2;
        try (MnistIterator it = new MnistIterator(data, cfg)) {
            run1 = epochBits(it, data);
            it.nextEpoch();
            run1epoch2 = epochBits(it, data);
        }
        float[][] run2;
        // an independent run, with a different shuffle and batch size: same bits per example
        try (MnistIterator it = new MnistIterator(data, cfg.withBatchSize(13).withShuffleSeed(99))) {
            run2 = epochBits(it, data);
        }
        for (int i = 0; i < data.size(); i++) {
            assertArrayEquals(run1[i], run2[i], "example " + i);
            assertArrayEquals(run1[i], run1epoch2[i], "example " + i);
        }
        // and it is a real sample: intermediate intensities give both 0s and 1s
        byte[] s1 = MnistIterator.staticSample(data, cfg.binarizationSeed());
        byte[] s2 = MnistIterator.staticSample(data, cfg.binarizationSeed());
        assertArrayEquals(s1, s2);
        assertFalse(Arrays.equals(s1, MnistIterator.staticSample(data, cfg.binarizationSeed() + 1)));
    }

    @Test
    void dynamicWithSameSeedIsReproducible() {
        MnistSplitData data = greyData();
        MnistIteratorConfig cfg = MnistIteratorConfig.defaults().withBatchSize(8);
        float[][] a;
        float[][] b;
        try (MnistIterator it = new MnistIterator(data, cfg)) {
            it.nextEpoch();
            a = epochBits(it, data);
        }
        try (MnistIterator it = new MnistIterator(data, cfg)) {
            it.nextEpoch();
            b = epochBits(it, data);
        }
        float[][] c;
        try (MnistIterator it = new MnistIterator(data, cfg.withBinarizationSeed(5))) {
            it.nextEpoch();
            c = epochBits(it, data);
        }
        for (int i = 0; i < data.size(); i++) {
            assertArrayEquals(a[i], b[i]);
        }
        assertFalse(Arrays.deepEquals(a, c), "another seed gives other draws");
    }

    @Test
    void floatAndBitPathsDrawTheSameBits() {
        java.util.Random r = new java.util.Random(3);
        byte[] px = new byte[785]; // odd length covers the tail
        for (int k = 0; k < px.length; k++) {
            int kind = r.nextInt(3); // mostly 0/255 as in MNIST, some grey
            px[k] = (byte) (kind == 0 ? 0 : kind == 1 ? 255 : r.nextInt(256));
        }
        float[] f = new float[px.length];
        byte[] b = new byte[px.length];
        for (int d = 0; d < 50; d++) {
            long key = BernoulliSampler.key(9, d, d * 31);
            BernoulliSampler.sample(px, 0, px.length, key, f, 0);
            BernoulliSampler.sampleBits(px, 0, px.length, key, b, 0);
            for (int k = 0; k < px.length; k++) {
                assertEquals(b[k], (int) f[k], "pixel " + k);
            }
        }
    }

    @Test
    void parseNamesCaseInsensitively() {
        assertEquals(Binarization.STATIC, Binarization.parse("Static"));
        assertEquals(MnistSplit.VALIDATION, MnistSplit.parse("val"));
        assertEquals("dynamic", Binarization.DYNAMIC.cliName());
    }
}
