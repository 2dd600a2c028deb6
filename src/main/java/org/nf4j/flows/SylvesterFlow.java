package org.nf4j.flows;

import java.util.Random;
import org.nd4j.autodiff.samediff.NameScope;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Sylvester flows (van den Berg, Hasenclever, Tomczak and Welling 2018):
 * <pre>
 *   f(z) = z + Q R h(R~ Q^T z + b),   h = tanh,   Q [d, M] with orthonormal columns, R, R~ [M, M] upper triangular
 *   log|det df/dz| = sum_i log|1 + h'(a_i) R_ii R~_ii|,   a = R~ Q^T z + b
 * </pre>
 * (Sylvester's determinant identity det(I_d + Q R H R~ Q^T) = det(I_M + H R~ R) needs Q^T Q = I.)
 * The diagonals of R and R~ are tanh of the raw values, so |R_ii R~_ii| &lt; 1 and, with
 * 0 &lt; h' &lt;= 1, every factor is positive: the map is invertible for any raw values (there is no
 * closed-form inverse). Three ways to make Q ({@link Variant}):
 * <ul>
 * <li><b>triangular</b> (T-SNF): M = d, Q = I on odd steps (1, 3, ...) and the reversal permutation on
 *     even ones (a product with a constant permutation matrix);</li>
 * <li><b>orthogonal</b> (O-SNF): M &lt;= d orthonormal columns, Q = H_1 ... H_M E with E the first M
 *     columns of I_d and H_j = I - 2 v_j v_j^T / ||v_j||^2 Householder reflections: every d x M matrix
 *     with orthonormal columns has this form (a QR factorisation's Q), and it is orthonormal to rounding
 *     error for any raw v_j. The paper keeps its Q orthonormal by an iterative (Bjorck) orthogonalisation
 *     of a raw d x M matrix instead, which needs a data-dependent stopping test and fails for a raw
 *     matrix without full column rank; the reflections take as many raw numbers (M d);</li>
 * <li><b>Householder</b> (H-SNF): M = d, Q = H_1 ... H_H, a product of H reflections.</li>
 * </ul>
 * Raw parameters per step are {@code [R (M x M), R~ (M x M), b (M), v_1 ... v_n (n x d)]} row-major
 * (n = 0, M or H reflections); the entries below the diagonals are unused (a mask keeps them out).
 * Amortised, the encoder emits all of them per example, as the paper does. Q is never built: Q^T z
 * and Q (R h) apply the reflections to the vectors (see {@link Reflections}), which is far cheaper in
 * SameDiff than per-example d x M matrices built from them by batched products (~3 s per update at
 * batch 100, d = 40, M = 32, K = 10, against ~0.1 s).
 */
public final class SylvesterFlow implements Flow {
    /** How Q is made: the paper's three variants. */
    public enum Type { TRIANGULAR, ORTHOGONAL, HOUSEHOLDER }

    /**
     * The variant of a flow of dimension d.
     *
     * @param size M (orthogonal) or H (Householder); ignored for triangular
     */
    public record Variant(Type type, int size) {
        public Variant {
            if (type != Type.TRIANGULAR && size < 1) {
                throw new IllegalArgumentException(type + " Sylvester flow needs a size >= 1, got " + size);
            }
        }

        public static Variant triangular() {
            return new Variant(Type.TRIANGULAR, 0);
        }

        /** O-SNF with M orthonormal columns. */
        public static Variant orthogonal(int columns) {
            return new Variant(Type.ORTHOGONAL, columns);
        }

        /** H-SNF with Q a product of H reflections. */
        public static Variant householder(int reflections) {
            return new Variant(Type.HOUSEHOLDER, reflections);
        }

        /** M: the number of columns of Q, the size of R and R~. */
        public int columns(int dim) {
            return type == Type.ORTHOGONAL ? size : dim;
        }

        /** The number of reflections making Q. */
        public int reflections() {
            return type == Type.TRIANGULAR ? 0 : size;
        }

        /** Raw numbers per step: R, R~, b and the reflection vectors. */
        public int paramsPerStep(int dim) {
            int m = columns(dim);
            return 2 * m * m + m + reflections() * dim;
        }
    }

    private final SameDiff sd;
    private final String name;
    private final int dim;
    private final int steps;
    private final Variant variant;
    private final int columns;
    private final SDVariable[] r;
    private final SDVariable[] rTilde;
    private final SDVariable[] b;
    /** Whether the parameters are one row shared by the batch (global). */
    private final boolean shared;
    /** Per-example M x M matrices as flat rows, multiplied element by element (M &lt;= {@value #SMALL}, see times). */
    private final boolean flat;
    /** Constants of the element-wise product: x [., M] to x repeated M times [., M*M], and the sums of M back. */
    private final SDVariable spread;
    private final SDVariable gather;
    /** R_ii R~_ii of every step, [rows, steps, M]. */
    private final SDVariable diagProducts;
    /** The reflections of all steps (step k's are k n ... k n + n - 1), or null (triangular). */
    private final Reflections reflections;
    /** The reversal permutation (triangular, odd steps), else null. */
    private final SDVariable reversal;
    /** E [d, M] and E^T: the first M coordinates; null when M = d. */
    private final SDVariable first;
    private final SDVariable firstT;

    /** The largest M whose per-example products are element-wise rather than batched. */
    static final int SMALL = 8;

    /** Raw numbers per step of the triangular variant: R, R~ and b. */
    public static int paramsPerStep(int dim) {
        return Variant.triangular().paramsPerStep(dim);
    }

    /** Triangular, global parameters initialised from {@code rng} (see {@link #global(SameDiff, String, Variant, int, int, Random)}). */
    public static SylvesterFlow global(SameDiff sd, String name, int dim, int steps, Random rng) {
        return global(sd, name, Variant.triangular(), dim, steps, rng);
    }

    /** Triangular, global parameters with the given raw values. */
    public static SylvesterFlow global(SameDiff sd, String name, int dim, int steps, double[] raw) {
        return global(sd, name, Variant.triangular(), dim, steps, raw);
    }

    /** Triangular, amortised parameters: {@code raw} of shape {@code [batch, steps * paramsPerStep(dim)]}. */
    public static SylvesterFlow amortised(SameDiff sd, String name, int dim, int steps, SDVariable raw) {
        return amortised(sd, name, Variant.triangular(), dim, steps, raw);
    }

    /** Triangular, {@code groups} independent copies of the global flow (see {@link FlowKind#grouped}). */
    public static SylvesterFlow grouped(SameDiff sd, String name, int dim, int steps, SDVariable membership, int groups,
                                        Random rng) {
        return grouped(sd, name, Variant.triangular(), dim, steps, membership, groups, rng);
    }

    /**
     * Global parameters initialised from {@code rng}: R, R~ entries N(0, 0.1^2 / M), b = 0, reflection
     * vectors N(0, 1/d).
     */
    public static SylvesterFlow global(SameDiff sd, String name, Variant variant, int dim, int steps, Random rng) {
        return global(sd, name, variant, dim, steps, initialRaw(variant, dim, steps, rng));
    }

    /** Global parameters with the given raw values. */
    public static SylvesterFlow global(SameDiff sd, String name, Variant variant, int dim, int steps, double[] raw) {
        int n = steps * variant.paramsPerStep(dim);
        if (raw.length != n) {
            throw new IllegalArgumentException(variant.type().name().toLowerCase(java.util.Locale.ROOT)
                    + " Sylvester flow with d=" + dim + ", K=" + steps + " needs " + n + " raw parameters, got " + raw.length);
        }
        return new SylvesterFlow(sd, name, variant, dim, steps, StepParameters.globalVariable(sd, name + "/raw", raw), true);
    }

    /** Amortised parameters: {@code raw} of shape {@code [batch, steps * variant.paramsPerStep(dim)]}. */
    public static SylvesterFlow amortised(SameDiff sd, String name, Variant variant, int dim, int steps, SDVariable raw) {
        return new SylvesterFlow(sd, name, variant, dim, steps, raw, false);
    }

    /** Amortised with {@code raw}, or global (initialised from {@code rng}) when {@code raw} is null. */
    public static SylvesterFlow of(SameDiff sd, String name, Variant variant, int dim, int steps, SDVariable raw, Random rng) {
        return raw != null ? amortised(sd, name, variant, dim, steps, raw) : global(sd, name, variant, dim, steps, rng);
    }

    /** {@code groups} independent copies of the global flow (see {@link FlowKind#grouped}). */
    public static SylvesterFlow grouped(SameDiff sd, String name, Variant variant, int dim, int steps,
                                        SDVariable membership, int groups, Random rng) {
        SDVariable raw = StepParameters.groupedVariable(sd, name + "/raw", initialRaw(variant, dim, steps, rng), groups);
        return amortised(sd, name, variant, dim, steps, membership.mmul(raw));
    }

    private static double[] initialRaw(Variant variant, int dim, int steps, Random rng) {
        int m = variant.columns(dim);
        int perStep = variant.paramsPerStep(dim);
        double[] raw = StepParameters.gaussian(rng, steps * perStep, 0.1 / Math.sqrt(m));
        for (int k = 0; k < steps; k++) {
            for (int i = 0; i < m; i++) {
                raw[k * perStep + 2 * m * m + i] = 0;
            }
            for (int i = 2 * m * m + m; i < perStep; i++) {
                raw[k * perStep + i] *= Math.sqrt(m / (0.01 * dim));
            }
        }
        return raw;
    }

    private SylvesterFlow(SameDiff sd, String name, Variant variant, int dim, int steps, SDVariable raw, boolean shared) {
        int m = variant.columns(dim);
        if (dim < 2 || steps < 1 || m > dim) {
            throw new IllegalArgumentException("Sylvester flow needs dim >= 2, steps >= 1 and M <= dim, got dim=" + dim
                    + ", steps=" + steps + ", M=" + m);
        }
        this.sd = sd;
        this.name = name;
        this.dim = dim;
        this.steps = steps;
        this.variant = variant;
        this.columns = m;
        this.shared = shared;
        this.flat = !shared && m <= SMALL;
        int mm = m * m;
        int perStep = variant.paramsPerStep(dim);
        // constants on flattened M x M matrices: the strictly upper part, and the diagonal as a
        // selection [M*M, M] (two-dimensional products and masks: broadcasting multiplies over
        // [rows, steps, M, M] had a slow backward pass, libnd4j's triu ~14 ms)
        INDArray upper = Nd4j.zeros(raw.dataType(), 1, mm);
        INDArray diagonal = Nd4j.zeros(raw.dataType(), mm, m);
        for (int i = 0; i < m; i++) {
            diagonal.putScalar(i * m + i, i, 1.0);
            for (int j = i + 1; j < m; j++) {
                upper.putScalar(0, i * m + j, 1.0);
            }
        }
        try (NameScope ns = sd.withNameScope(name)) {
            StepParameters p = StepParameters.of(sd, raw, steps, perStep);
            SDVariable upperMask = sd.constant(upper);
            SDVariable select = sd.constant(diagonal);
            SDVariable place = sd.constant(diagonal.transpose().dup('c'));
            // [rows * steps, M * M] each
            SDVariable rFlat = sd.reshape(p.field(0, mm), -1, mm);
            SDVariable tFlat = sd.reshape(p.field(mm, 2 * mm), -1, mm);
            // M = 1: R is its diagonal (and matmul_bp of [1, 1] x [1, 1] fails in ND4J 1.0.0-M2.1)
            SDVariable rDiag = sd.math.tanh(m == 1 ? rFlat : rFlat.mmul(select));
            SDVariable tDiag = sd.math.tanh(m == 1 ? tFlat : tFlat.mmul(select));
            this.diagProducts = sd.reshape(rDiag.mul(tDiag), -1, steps, m);
            long[] shape = flat ? new long[] {-1, steps, mm} : new long[] {-1, steps, m, m};
            // the mask repeated for every row, then multiplied element by element: a broadcasting
            // multiply's backward pass also reduces the gradient of the constant mask over the rows,
            // ~48 ms per step for [1000, 1600] (of ~400; the tile op ~46 ms), while this costs ~3 ms
            // with bit-identical results. fill is made from the shape, so no gradient flows into it.
            SDVariable rowsMask = m == 1 ? null : sd.fill(sd.shape(rFlat), raw.dataType(), 1.0).mul(upperMask);
            SDVariable rAll = sd.reshape(m == 1 ? rDiag : rFlat.mul(rowsMask).add(rDiag.mmul(place)), shape);
            SDVariable tAll = sd.reshape(m == 1 ? tDiag : tFlat.mul(rowsMask).add(tDiag.mmul(place)), shape);
            this.r = perStepMatrices(rAll);
            this.rTilde = perStepMatrices(tAll);
            this.b = p.perStep(p.field(2 * mm, 2 * mm + m), m);
            int n = variant.reflections();
            this.reversal = n == 0 && steps > 1
                    ? sd.constant(name + "/reversal", Matrices.array(Matrices.reversal(dim)).castTo(raw.dataType())) : null;
            this.reflections = n == 0 ? null : new Reflections(sd,
                    sd.reshape(p.field(2 * mm + m, perStep), -1, steps * n, dim), steps * n, dim, shared);
            if (flat && m > 1) {
                INDArray spreadM = Nd4j.zeros(raw.dataType(), m, mm);
                INDArray gatherM = Nd4j.zeros(raw.dataType(), mm, m);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        spreadM.putScalar(j, i * m + j, 1.0);
                        gatherM.putScalar(i * m + j, i, 1.0);
                    }
                }
                this.spread = sd.constant(spreadM);
                this.gather = sd.constant(gatherM);
            } else {
                this.spread = null;
                this.gather = null;
            }
            if (m < dim) {
                INDArray e = Nd4j.zeros(raw.dataType(), dim, m);
                for (int i = 0; i < m; i++) {
                    e.putScalar(i, i, 1.0);
                }
                this.first = sd.constant(e);
                this.firstT = sd.constant(e.transpose().dup('c'));
            } else {
                this.first = null;
                this.firstT = null;
            }
        }
    }

    /** [rows, steps, M, M] (flat: [rows, steps, M*M]) as one [rows, M, M] ([rows, M*M]) variable per step. */
    private SDVariable[] perStepMatrices(SDVariable all) {
        if (steps == 1) {
            return new SDVariable[] {flat ? sd.reshape(all, -1, columns * columns) : sd.reshape(all, -1, columns, columns)};
        }
        return sd.unstack(all, 1, steps);
    }

    /** The variant: how Q is made. */
    public Variant variant() {
        return variant;
    }

    @Override
    public int dim() {
        return dim;
    }

    /**
     * M x for matrices M [rows, M, M] and x [batch, M]: [batch, M]. One shared matrix (global
     * parameters) is a product. Per-example matrices are a batched product [batch, M, M] x
     * [batch, M, 1] (a broadcasting multiply's backward pass took ~4.6 ms per step at batch 100,
     * d = 40, a tiled z ~8.5 ms), except for M &lt;= {@value #SMALL}: a batched product is one small
     * GEMM per row, and on the grouped 2-D fits (1,024 rows, M = 1 or 2) they made an update take
     * 0.4-0.6 s at K = 32. There x is spread over the flat rows of M by a product with a constant
     * 0/1 matrix, multiplied element by element and summed back by another: three 2-D ops.
     */
    private SDVariable times(SDVariable m, SDVariable x) {
        if (shared) {
            return sd.mmul(x, sd.reshape(m, columns, columns), false, true, false);
        }
        if (flat) {
            return columns == 1 ? x.mul(m) : x.mmul(spread).mul(m).mmul(gather);
        }
        return sd.reshape(sd.mmul(m, sd.expandDims(x, 2)), -1, columns);
    }

    /** Q_k^T z [batch, M]. */
    private SDVariable toBasis(SDVariable z, int k) {
        if (reflections == null) {
            return k % 2 == 0 ? z : z.mmul(reversal);
        }
        int n = variant.reflections();
        SDVariable x = z;
        for (int j = 0; j < n; j++) {
            x = reflections.apply(x, k * n + j);
        }
        return first == null ? x : x.mmul(first);
    }

    /** Q_k x [batch, d] for x [batch, M] (the columns of Q_k are the rows of Q_k applied to I_M). */
    SDVariable fromBasis(SDVariable x, int k) {
        if (reflections == null) {
            return k % 2 == 0 ? x : x.mmul(reversal);
        }
        int n = variant.reflections();
        SDVariable y = first == null ? x : x.mmul(firstT);
        for (int j = n - 1; j >= 0; j--) {
            y = reflections.apply(y, k * n + j);
        }
        return y;
    }

    @Override
    public SDVariable transform(SDVariable z, LogDetAccumulator logDet) {
        try (NameScope ns = sd.withNameScope(name)) {
            SDVariable out = z;
            SDVariable[] slopes = new SDVariable[steps];
            for (int k = 0; k < steps; k++) {
                SDVariable a = times(rTilde[k], toBasis(out, k)).add(b[k]);
                SDVariable h = sd.math.tanh(a);
                slopes[k] = h.mul(h).rsub(1.0);
                out = out.add(fromBasis(times(r[k], h), k));
            }
            // [batch, steps, M]: h'(a) of every step, times R_ii R~_ii, through log|1 + .|
            SDVariable slope = steps == 1 ? sd.expandDims(slopes[0], 1) : sd.stack(1, slopes);
            SDVariable factors = slope.mul(diagProducts).add(1.0);
            logDet.addPerExample(sd.math.log(sd.math.abs(factors)).sum(1, 2));
            return out;
        }
    }
}
