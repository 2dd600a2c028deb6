package org.nf4j.notebook;

import java.util.ArrayList;
import java.util.List;
import org.nf4j.data.BernoulliSampler;
import org.nf4j.data.MnistSplit;
import org.nf4j.data.MnistSplitData;

/**
 * The digits a notebook works with: the workspace's MNIST split when its files are there, else
 * {@link SyntheticDigits} of the same role; and single digits as {@code double[784]} pictures.
 */
public final class Digits {
    /** How many synthetic digits stand in for the training split; the others get a tenth. */
    static final int SYNTHETIC_TRAIN = 5_000;

    private Digits() {
    }

    /** Whether the workspace holds the MNIST files of {@code split}. */
    public static boolean haveMnist(Workspace ws, MnistSplit split) {
        return split.images().find(ws.mnist()) != null && split.labels().find(ws.mnist()) != null;
    }

    /**
     * The MNIST split from {@link Workspace#mnist()}, or synthetic digits if its files are missing
     * (a different seed per split); says which on standard output.
     */
    public static MnistSplitData split(Workspace ws, MnistSplit split) {
        if (haveMnist(ws, split)) {
            System.out.println("MNIST " + split.cliName() + " digits from " + ws.mnist());
            return MnistSplitData.load(ws.mnist(), split);
        }
        int n = split == MnistSplit.TRAIN ? SYNTHETIC_TRAIN : SYNTHETIC_TRAIN / 10;
        System.out.println("no MNIST in " + ws.mnist() + ": " + n + " synthetic " + split.cliName()
                + " digits drawn with the JVM's fonts instead (mvn -q exec:java -Dexec.args=\"data --fetch\" gets MNIST)");
        return SyntheticDigits.split(n, 17 + split.ordinal());
    }

    /** Digits {@code from .. from + n - 1} as grey levels in [0, 1]. */
    public static List<double[]> grey(MnistSplitData split, int from, int n) {
        List<double[]> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            double[] x = new double[split.pixelsPerExample()];
            for (int p = 0; p < x.length; p++) {
                x[p] = split.pixel(i, p) / 255.0;
            }
            out.add(x);
        }
        return out;
    }

    /** Digits {@code from .. from + n - 1} binarised as the models see them (pixel on with probability grey level). */
    public static List<double[]> binarised(MnistSplitData split, int from, int n, long seed) {
        List<double[]> out = new ArrayList<>();
        float[] bits = new float[split.pixelsPerExample()];
        for (int i = from; i < from + n; i++) {
            BernoulliSampler.sample(split.pixels(), i * bits.length, bits.length, BernoulliSampler.key(seed, 0, i), bits, 0);
            double[] x = new double[bits.length];
            for (int p = 0; p < x.length; p++) {
                x[p] = bits[p];
            }
            out.add(x);
        }
        return out;
    }
}
