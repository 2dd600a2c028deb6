package org.nf4j.flows;

import java.util.Random;
import org.nd4j.autodiff.samediff.NameScope;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Triangular Sylvester flows (van den Berg, Hasenclever, Tomczak and Welling 2018, "T-SNF"):
 * <pre>
 *   f(z) = z + Q R h(R~ Q^T z + b),   h = tanh,   Q = I (odd steps) or the reversal permutation (even steps)
 *   log|det df/dz| = sum_i log|1 + h'(a_i) R_ii R~_ii|,   a = R~ Q^T z + b
 * </pre>
 * R and R~ are upper triangular; their diagonals are tanh of the raw values, so |R_ii R~_ii| &lt; 1
 * and, with 0 &lt; h' &lt;= 1, every factor is positive: the map is invertible for any raw values
 * (there is no closed-form inverse). Raw parameters per step are {@code [R (d x d), R~ (d x d), b (d)]}
 * row-major; the entries below the diagonals are unused (a mask keeps them out). Amortised, the
 * encoder emits them per example, as the paper does; the orthogonal and Householder variants
 * (Q with orthonormal columns, or a product of reflections) are not built yet.
 */
public final class SylvesterFlow implements Flow {
    private final SameDiff sd;
    private final String name;
    private final int dim;
    private final int steps;
    private final SDVariable[] r;
    private final SDVariable[] rTilde;
    private final SDVariable[] b;
    /** Whether the parameters are one row shared by the batch (global). */
    private final boolean shared;
    /** R_ii R~_ii of every step, [rows, steps, d]. */
    private final SDVariable diagProducts;

    /** Raw numbers per step: R, R~ and b. */
    public static int paramsPerStep(int dim) {
        return 2 * dim * dim + dim;
    }

    /** Global parameters initialised from {@code rng}: N(0, 0.1^2 / d) entries, b = 0. */
    public static SylvesterFlow global(SameDiff sd, String name, int dim, int steps, Random rng) {
        return global(sd, name, dim, steps, initialRaw(dim, steps, rng));
    }

    /** Global parameters with the given raw values. */
    public static SylvesterFlow global(SameDiff sd, String name, int dim, int steps, double[] raw) {
        if (raw.length != steps * paramsPerStep(dim)) {
            throw new IllegalArgumentException("Sylvester flow with d=" + dim + ", K=" + steps + " needs "
                    + steps * paramsPerStep(dim) + " raw parameters, got " + raw.length);
        }
        return new SylvesterFlow(sd, name, dim, steps, StepParameters.globalVariable(sd, name + "/raw", raw), true);
    }

    /** Amortised parameters: {@code raw} of shape {@code [batch, steps * paramsPerStep(dim)]}. */
    public static SylvesterFlow amortised(SameDiff sd, String name, int dim, int steps, SDVariable raw) {
        return new SylvesterFlow(sd, name, dim, steps, raw, false);
    }

    /** {@code groups} independent copies of {@link #global(SameDiff, String, int, int, Random)} (see {@link FlowKind#grouped}). */
    public static SylvesterFlow grouped(SameDiff sd, String name, int dim, int steps, SDVariable membership, int groups,
                                        Random rng) {
        SDVariable raw = StepParameters.groupedVariable(sd, name + "/raw", initialRaw(dim, steps, rng), groups);
        return amortised(sd, name, dim, steps, membership.mmul(raw));
    }

    private static double[] initialRaw(int dim, int steps, Random rng) {
        double[] raw = StepParameters.gaussian(rng, steps * paramsPerStep(dim), 0.1 / Math.sqrt(dim));
        for (int k = 0; k < steps; k++) {
            for (int i = 0; i < dim; i++) {
                raw[k * paramsPerStep(dim) + 2 * dim * dim + i] = 0;
            }
        }
        return raw;
    }

    private SylvesterFlow(SameDiff sd, String name, int dim, int steps, SDVariable raw, boolean shared) {
        if (dim < 2 || steps < 1) {
            throw new IllegalArgumentException("Sylvester flow needs dim >= 2 and steps >= 1, got dim=" + dim + ", steps=" + steps);
        }
        this.sd = sd;
        this.name = name;
        this.dim = dim;
        this.steps = steps;
        this.shared = shared;
        int dd = dim * dim;
        // constants on flattened d x d matrices: the strictly upper part, and the diagonal as a
        // selection [d*d, d] (two-dimensional products and masks: broadcasting multiplies over
        // [rows, steps, d, d] had a backward pass ~4 ms each at batch 100, d = 40; libnd4j's triu
        // has a slower one, ~14 ms)
        INDArray upper = Nd4j.zeros(raw.dataType(), 1, dd);
        INDArray diagonal = Nd4j.zeros(raw.dataType(), dd, dim);
        for (int i = 0; i < dim; i++) {
            diagonal.putScalar(i * dim + i, i, 1.0);
            for (int j = i + 1; j < dim; j++) {
                upper.putScalar(0, i * dim + j, 1.0);
            }
        }
        try (NameScope ns = sd.withNameScope(name)) {
            StepParameters p = StepParameters.of(sd, raw, steps, paramsPerStep(dim));
            SDVariable upperMask = sd.constant(upper);
            SDVariable select = sd.constant(diagonal);
            SDVariable place = sd.constant(diagonal.transpose().dup('c'));
            // [rows * steps, d * d] each
            SDVariable rFlat = sd.reshape(p.field(0, dd), -1, dd);
            SDVariable tFlat = sd.reshape(p.field(dd, 2 * dd), -1, dd);
            SDVariable rDiag = sd.math.tanh(rFlat.mmul(select));
            SDVariable tDiag = sd.math.tanh(tFlat.mmul(select));
            this.diagProducts = sd.reshape(rDiag.mul(tDiag), -1, steps, dim);
            SDVariable rAll = sd.reshape(rFlat.mul(upperMask).add(rDiag.mmul(place)), -1, steps, dim, dim);
            SDVariable tAll = sd.reshape(tFlat.mul(upperMask).add(tDiag.mmul(place)), -1, steps, dim, dim);
            this.r = perStepMatrices(rAll);
            this.rTilde = perStepMatrices(tAll);
            this.b = p.perStep(p.field(2 * dd, paramsPerStep(dim)), dim);
        }
    }

    /** [rows, steps, d, d] as one [rows, d, d] variable per step. */
    private SDVariable[] perStepMatrices(SDVariable all) {
        if (steps == 1) {
            return new SDVariable[] {sd.reshape(all, -1, dim, dim)};
        }
        return sd.unstack(all, 1, steps);
    }

    @Override
    public int dim() {
        return dim;
    }

    /**
     * M z for matrices M [rows, d, d] and z [batch, d]: [batch, d]. One shared matrix (global
     * parameters) is a product; per-example matrices a batched product [batch, d, d] x [batch, d, 1]
     * (a broadcasting multiply's backward pass took ~4.6 ms per step at batch 100, d = 40, a tiled
     * z ~8.5 ms).
     */
    private SDVariable times(SDVariable m, SDVariable z) {
        if (shared) {
            return sd.mmul(z, sd.reshape(m, dim, dim), false, true, false);
        }
        return sd.reshape(sd.mmul(m, sd.expandDims(z, 2)), -1, dim);
    }

    private SDVariable permute(SDVariable z, int k) {
        return k % 2 == 0 ? z : sd.reverse(z, 1);
    }

    @Override
    public SDVariable transform(SDVariable z, LogDetAccumulator logDet) {
        try (NameScope ns = sd.withNameScope(name)) {
            SDVariable out = z;
            SDVariable[] slopes = new SDVariable[steps];
            for (int k = 0; k < steps; k++) {
                SDVariable a = times(rTilde[k], permute(out, k)).add(b[k]);
                SDVariable h = sd.math.tanh(a);
                slopes[k] = h.mul(h).rsub(1.0);
                out = out.add(permute(times(r[k], h), k));
            }
            // [batch, steps, d]: h'(a) of every step, times R_ii R~_ii, through log|1 + .|
            SDVariable slope = steps == 1 ? sd.expandDims(slopes[0], 1) : sd.stack(1, slopes);
            SDVariable factors = slope.mul(diagProducts).add(1.0);
            logDet.addPerExample(sd.math.log(sd.math.abs(factors)).sum(1, 2));
            return out;
        }
    }
}
