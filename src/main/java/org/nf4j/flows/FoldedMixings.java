package org.nf4j.flows;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * K fixed orthogonal mixings folded into the coupling networks that follow them. Step k mixes by Q_k
 * and then couples, conditioning on the coordinates M_a selects and changing those M_b places
 * (parities alternate between steps as in {@link NiceCoupling}). In the coordinates v_k = s_k C_k^T,
 * C_k = Q_1 ... Q_k, the input of step k's network is {@code v_{k-1} A_k}, A_k = C_k M_a, and its
 * output lands through B_k = M_b C_k^T; the chain's result is s_K = v_K C_K. The constants are
 * {@code <name>/A} and {@code <name>/B} {@code [groups * K, d, d]}, {@code <name>/C} and
 * {@code <name>/Ct} (C_K and its transpose). Weights of the first layer that meet a masked-out
 * input, and of the last layer that land on a conditioning coordinate, are multiplied by zero: they
 * are inert (initialised to zero, never receive a gradient).
 */
final class FoldedMixings {
    private final SameDiff sd;
    private final int dim;
    private final int steps;
    private final double[][][] mixings;
    private final SDVariable total;
    private final SDVariable totalT;
    private final SDVariable a;
    private final SDVariable b;

    FoldedMixings(SameDiff sd, String name, double[][][] mixings, int groups) {
        this.sd = sd;
        this.steps = mixings.length;
        if (steps < 1) {
            throw new IllegalArgumentException("a coupling flow needs at least one step, got " + steps);
        }
        this.dim = mixings[0].length;
        if (dim < 2) {
            throw new IllegalArgumentException("a coupling needs dim >= 2, got " + dim);
        }
        this.mixings = mixings;
        double[][][] cumulative = new double[steps][][];
        double[][] c = Matrices.identity(dim);
        for (int k = 0; k < steps; k++) {
            c = Matrices.product(c, mixings[k]);
            cumulative[k] = c;
        }
        double[][][] aK = new double[steps][][];
        double[][][] bK = new double[steps][][];
        for (int k = 0; k < steps; k++) {
            boolean[] conditioning = conditioning(k);
            aK[k] = maskColumns(cumulative[k], conditioning);
            bK[k] = maskRows(Matrices.transpose(cumulative[k]), conditioning);
        }
        this.total = sd.constant(name + "/C", Matrices.array(cumulative[steps - 1]));
        this.totalT = sd.constant(name + "/Ct", Matrices.array(Matrices.transpose(cumulative[steps - 1])));
        this.a = sd.constant(name + "/A", Groups.tile(tensor(aK), groups));
        this.b = sd.constant(name + "/B", Groups.tile(tensor(bK), groups));
    }

    int dim() {
        return dim;
    }

    int steps() {
        return steps;
    }

    /** The step-k fixed mixing matrix Q_k. */
    double[][] mixing(int k) {
        return mixings[k];
    }

    /** Which coordinates (after mixing) step k conditions on: the first d/2 for even k, the rest for odd k. */
    boolean[] conditioning(int k) {
        boolean[] m = new boolean[dim];
        for (int i = 0; i < dim; i++) {
            m[i] = conditions(i, dim, k);
        }
        return m;
    }

    /** Whether step k conditions on coordinate i (after mixing) of a d-dimensional input. */
    static boolean conditions(int i, int dim, int k) {
        return k % 2 == 0 ? i < dim / 2 : i >= dim / 2;
    }

    /**
     * The live weights of layer {@code layer} of {@code layers}: the first layer reads conditioning
     * coordinates only, the last writes the others only.
     */
    StepNetworks.Live live(int layer, int layers) {
        return (k, in, out) -> !((layer == 0 && !conditions(in, dim, k)) || (layer == layers - 1 && conditions(out, dim, k)));
    }

    /** First-layer weights {@code [groups * K, d, out]} as used on v: A_k W_k. */
    SDVariable first(SDVariable w) {
        return sd.mmul(a, w);
    }

    /** Last-layer weights {@code [groups * K, in, d]} as used on v: W_k B_k. */
    SDVariable last(SDVariable w) {
        return sd.mmul(w, b);
    }

    /** Last-layer biases {@code [groups * K, d]} as used on v: b_k B_k. */
    SDVariable lastBias(SDVariable bias) {
        long n = b.getShape()[0];
        return sd.reshape(sd.mmul(sd.reshape(bias, n, 1, dim), b), n, dim);
    }

    /** s_K = v_K C_K for {@code v [rows, d]}. */
    SDVariable output(SDVariable v) {
        return v.mmul(total);
    }

    /** v_K = s_K C_K^T. */
    SDVariable input(SDVariable s) {
        return s.mmul(totalT);
    }

    /** m with the columns j where step's conditioning[j] is false set to zero. */
    private static double[][] maskColumns(double[][] m, boolean[] conditioning) {
        double[][] r = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            r[i] = m[i].clone();
            for (int j = 0; j < conditioning.length; j++) {
                if (!conditioning[j]) {
                    r[i][j] = 0.0;
                }
            }
        }
        return r;
    }

    /** m with the rows i where conditioning[i] is true set to zero. */
    private static double[][] maskRows(double[][] m, boolean[] conditioning) {
        double[][] r = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            r[i] = conditioning[i] ? new double[m[i].length] : m[i].clone();
        }
        return r;
    }

    private static INDArray tensor(double[][][] t) {
        int k = t.length;
        int n = t[0].length;
        double[] flat = new double[k * n * n];
        for (int s = 0; s < k; s++) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(t[s][i], 0, flat, (s * n + i) * n, n);
            }
        }
        return Nd4j.create(flat, new long[] {k, n, n}, Nd4j.defaultFloatingPointType());
    }
}
