package org.nf4j.flows;

import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Circular convolution flow (Karami, Schuurmans, Sohl-Dickstein, Dinh and Duckworth 2019,
 * "Invertible Convolutional Flow"):
 * <pre>
 *   y_n = (w (*) z)_n = sum_m w_m z_{(n - m) mod d}
 *   log|det| = sum_n log|W_n|,   W = DFT(w),   W_n = sum_m w_m exp(-2 pi i n m / d)
 *   inverse: z = IDFT(DFT(y) / W)
 * </pre>
 * The circulant matrix is built as {@code w [1,d] x T [d, d*d]} with a constant 0/1 tensor T, and
 * the DFT as products with constant cos/sin matrices (ND4J has no FFT op; both differentiate
 * correctly, and d up to ~100 is cheap). The kernel w is global, initialised near the identity
 * (w = e_0 + noise).
 */
public final class CircularConvolution implements Flow {
    private final SameDiff sd;
    private final int dim;
    private final SDVariable cos;
    private final SDVariable sin;
    private final SDVariable circulant;
    private final SDVariable spectrumRe;
    private final SDVariable spectrumIm;
    private final SDVariable spectrumPower;

    /** Kernel w = e_0 + N(0, noise^2). */
    public static CircularConvolution global(SameDiff sd, String name, int dim, double noise, Random rng) {
        double[] w = StepParameters.gaussian(rng, dim, noise);
        w[0] += 1.0;
        return new CircularConvolution(sd, name, w);
    }

    /** With the given kernel. */
    public CircularConvolution(SameDiff sd, String name, double[] kernel) {
        this.sd = sd;
        this.dim = kernel.length;
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
        SDVariable w = StepParameters.globalVariable(sd, name + "/w", kernel);
        this.cos = sd.constant(name + "/dftCos", matrix(c));
        this.sin = sd.constant(name + "/dftSin", matrix(s));
        SDVariable shifts = sd.constant(name + "/shifts", matrix(t));
        this.circulant = sd.reshape(w.mmul(shifts), d, d);
        this.spectrumRe = w.mmul(cos);
        this.spectrumIm = w.mmul(sin).neg();
        this.spectrumPower = spectrumRe.mul(spectrumRe).add(spectrumIm.mul(spectrumIm));
    }

    private static INDArray matrix(double[][] m) {
        return Nd4j.create(m).castTo(Nd4j.defaultFloatingPointType());
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public SDVariable transform(SDVariable z, LogDetAccumulator logDet) {
        logDet.addShared(sd.math.log(spectrumPower).sum().mul(0.5));
        return z.mmul(circulant);
    }

    @Override
    public boolean hasInverse() {
        return true;
    }

    @Override
    public SDVariable inverse(SDVariable y) {
        SDVariable yRe = y.mmul(cos);
        SDVariable yIm = y.mmul(sin).neg();
        SDVariable zRe = yRe.mul(spectrumRe).add(yIm.mul(spectrumIm)).div(spectrumPower);
        SDVariable zIm = yIm.mul(spectrumRe).sub(yRe.mul(spectrumIm)).div(spectrumPower);
        return zRe.mmul(cos).sub(zIm.mmul(sin)).div(dim);
    }
}
