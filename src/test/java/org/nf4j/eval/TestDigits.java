package org.nf4j.eval;

import java.util.Random;
import org.nf4j.config.TrainConfig;
import org.nf4j.data.MnistSplitData;

/** Test-written "digits" (a bright blob at a random place, 28 x 28) and a tiny training config. */
public final class TestDigits {
    private TestDigits() {
    }

    public static MnistSplitData split(int n, long seed) {
        Random rng = new Random(seed);
        byte[] pixels = new byte[n * 784];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            int cx = 8 + rng.nextInt(12);
            int cy = 8 + rng.nextInt(12);
            labels[i] = (byte) rng.nextInt(10);
            for (int p = 0; p < 784; p++) {
                double d2 = Math.pow(p % 28 - cx, 2) + Math.pow(p / 28 - cy, 2);
                pixels[i * 784 + p] = (byte) (int) Math.round(255 * Math.exp(-d2 / 18.0));
            }
        }
        return new MnistSplitData(pixels, labels, 28, 28);
    }

    /** Planar K=2, latent 4, 32 hidden units, batch 20, checkpoints and validation every 10 updates. */
    public static TrainConfig config(long steps) {
        return TrainConfig.DEFAULTS.with("flow", "planar").with("k", "2").with("latent", "4").with("hidden", "32")
                .with("batch", "20").with("steps", Long.toString(steps)).with("lr", "3e-3")
                .with("checkpoint-every", "10").with("validate-every", "10").with("keep-checkpoints", "2");
    }
}
