package org.nf4j.flows;

import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * K steps of the circular convolution flow (Karami, Schuurmans, Sohl-Dickstein, Dinh and Duckworth
 * 2019, "Invertible Convolutional Flow"); step k with kernel w_k:
 * <pre>
 *   y_n = (w (*) z)_n = sum_m w_m z_{(n - m) mod d}
 *   log|det| = sum_n log|W_n|,   W = DFT(w),   W_n = sum_m w_m exp(-2 pi i n m / d)
 *   inverse: z = IDFT(DFT(y) / W)
 * </pre>
 * The kernels are one global variable {@code <name>/w [K, d]}. All K circulant matrices come from
 * one product {@code w x T} with a constant 0/1 tensor T [d, d*d], and all K spectra from products
 * with constant cos/sin matrices (ND4J has no FFT op; both differentiate correctly, and d up to
 * ~100 is cheap), so the block costs a fixed handful of ops plus one product per step in the
 * chain. Kernels start near the identity (w = e_0 + noise).
 */
public final class CircularConvolution implements Flow {
    private final SameDiff sd;
    private final int dim;
    private final int steps;
    private final SDVariable cos;
    private final SDVariable sin;
    private final SDVariable[] circulants;
    private final SDVariable spectrumRe;
    private final SDVariable spectrumIm;
    private final SDVariable spectrumPower;
    private SDVariable[] inverseMatrices;
    /** The rows' one-hot groups when grouped, else null. */
    private final SDVariable membership;
    private final int groups;

    /** K kernels w_k = e_0 + N(0, noise^2). */
    public static CircularConvolution global(SameDiff sd, String name, int dim, int steps, double noise, Random rng) {
        return new CircularConvolution(sd, name, initialKernels(dim, steps, noise, rng));
    }

    /**
     * {@code groups} independent copies of {@link #global}, for rows whose one-hot group is
     * {@code membership [rows, groups]}, ordered by group (see {@link FlowKind#grouped}): the kernels
     * are {@code <name>/w [groups * K, d]}. Training only: it has no inverse (a group's kernels go into
     * a global flow for that).
     */
    public static CircularConvolution grouped(SameDiff sd, String name, int dim, int steps, double noise,
                                              SDVariable membership, int groups, Random rng) {
        return new CircularConvolution(sd, name, initialKernels(dim, steps, noise, rng), membership, groups);
    }

    private static double[][] initialKernels(int dim, int steps, double noise, Random rng) {
        double[][] w = new double[steps][];
        for (int k = 0; k < steps; k++) {
            w[k] = StepParameters.gaussian(rng, dim, noise);
            w[k][0] += 1.0;
        }
        return w;
    }

    /** One step with the given kernel. */
    public CircularConvolution(SameDiff sd, String name, double[] kernel) {
        this(sd, name, new double[][] {kernel});
    }

    /** K steps with the given kernels [K][d]. */
    public CircularConvolution(SameDiff sd, String name, double[][] kernels) {
        this(sd, name, kernels, null, 1);
    }

    private CircularConvolution(SameDiff sd, String name, double[][] kernels, SDVariable membership, int groups) {
        this.sd = sd;
        this.membership = membership;
        this.groups = groups;
        this.steps = kernels.length;
        this.dim = kernels[0].length;
        int d = dim;
        double[][] c = new double[d][d];
        double[][] s = new double[d][d];
        double[][] t = new double[d][d * d];
        for (int m = 0; m < d; m++) {
            for (int n = 0; n < d; n++) {
                double angle = 2 * Math.PI * ((long) m * n % d) / d;
                c[m][n] = Math.cos(angle);
                s[m][n] = Math.sin(angle);
                t[Math.floorMod(n - m, d)][m * d + n] = 1.0;
            }
        }
        double[] flat = new double[steps * d];
        for (int k = 0; k < steps; k++) {
            System.arraycopy(kernels[k], 0, flat, k * d, d);
        }
        SDVariable w = sd.var(name + "/w", Groups.tile(Nd4j.create(flat, new long[] {steps, d}, Nd4j.defaultFloatingPointType()), groups));
        this.cos = sd.constant(name + "/dftCos", Matrices.array(c));
        this.sin = sd.constant(name + "/dftSin", Matrices.array(s));
        SDVariable shifts = sd.constant(name + "/shifts", Matrices.array(t));
        if (membership == null) {
            SDVariable all = sd.reshape(w.mmul(shifts), steps, d, d);
            // unstack of a single slice fails in SameDiff's backward pass
            this.circulants = steps == 1 ? new SDVariable[] {sd.reshape(all, d, d)} : sd.unstack(all, 0, steps);
        } else {
            // step k of every group: [groups, d, d], applied to the rows [groups, batch, d] by one batched product
            SDVariable all = sd.reshape(w.mmul(shifts), groups, steps, d, d);
            this.circulants = steps == 1 ? new SDVariable[] {sd.reshape(all, groups, d, d)} : sd.unstack(all, 1, steps);
        }
        this.spectrumRe = w.mmul(cos);
        this.spectrumIm = w.mmul(sin).neg();
        this.spectrumPower = spectrumRe.mul(spectrumRe).add(spectrumIm.mul(spectrumIm));
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public SDVariable transform(SDVariable z, LogDetAccumulator logDet) {
        if (membership != null) {
            SDVariable perGroup = sd.reshape(sd.math.log(spectrumPower), groups, steps * dim).sum(1).mul(0.5);
            logDet.addPerExample(Groups.perRow(sd, perGroup, membership, groups));
            SDVariable y = sd.reshape(z, groups, -1, dim);
            for (SDVariable circulant : circulants) {
                y = sd.mmul(y, circulant);
            }
            return sd.reshape(y, -1, dim);
        }
        logDet.addShared(sd.math.log(spectrumPower).sum().mul(0.5));
        SDVariable y = z;
        for (SDVariable circulant : circulants) {
            y = y.mmul(circulant);
        }
        return y;
    }

    @Override
    public boolean hasInverse() {
        return membership == null;
    }

    @Override
    public SDVariable inverse(SDVariable y) {
        if (membership != null) {
            throw new UnsupportedOperationException("a grouped circular convolution has no inverse; put a group's kernels in a global flow");
        }
        if (inverseMatrices == null) {
            inverseMatrices = inverseMatrices();
        }
        SDVariable z = y;
        for (int k = steps - 1; k >= 0; k--) {
            z = z.mmul(inverseMatrices[k]);
        }
        return z;
    }

    /**
     * The [d, d] matrix of each step's deconvolution z = IDFT(DFT(y) / W), i.e. the deconvolution
     * applied to the identity: computed from the kernels alone, so the chain is one product per step.
     * (Deconvolving y itself uses y twice per step, and SameDiff's set-up of an output walks every
     * path back through such a chain: 2^K of them, hours at K = 32.)
     */
    private SDVariable[] inverseMatrices() {
        SDVariable[] re = rows(spectrumRe);
        SDVariable[] im = rows(spectrumIm);
        SDVariable[] power = rows(spectrumPower);
        SDVariable[] m = new SDVariable[steps];
        for (int k = 0; k < steps; k++) {
            m[k] = deconvolution(re[k], im[k], power[k]);
        }
        return m;
    }

    private SDVariable[] rows(SDVariable m) {
        return steps == 1 ? new SDVariable[] {m} : sd.unstack(m, 0, steps);
    }

    /**
     * IDFT(DFT(y) / W) with y the identity: DFT(I) = cos - i sin, so the spectrum of the result is
     * (cos re - sin im) / power + i (-sin re - cos im) / power, taken back by the inverse DFT.
     */
    private SDVariable deconvolution(SDVariable re, SDVariable im, SDVariable power) {
        SDVariable zRe = cos.mul(re).sub(sin.mul(im)).div(power);
        SDVariable zIm = sin.mul(re).add(cos.mul(im)).neg().div(power);
        return zRe.mmul(cos).sub(zIm.mmul(sin)).div(dim);
    }
}
