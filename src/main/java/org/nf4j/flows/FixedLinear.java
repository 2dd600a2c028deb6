package org.nf4j.flows;

import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A fixed (not learned) orthogonal linear map y = z Q: a random permutation (NICE-perm) or a
 * random orthogonal matrix (NICE-orth). |det Q| = 1, so log|det| = 0; the inverse is y Q^T.
 * A permutation is applied as a constant permutation-matrix product because SameDiff's gather has
 * a wrong gradient in 1.0.0-M2.1.
 */
public final class FixedLinear implements Flow {
    private final int dim;
    private final SDVariable q;
    private final SDVariable qt;

    private FixedLinear(SameDiff sd, String name, double[][] m) {
        this.dim = m.length;
        this.q = sd.constant(name + "/Q", Matrices.array(m));
        this.qt = sd.constant(name + "/Qt", Matrices.array(Matrices.transpose(m)));
    }

    /** A uniformly random permutation of the coordinates. */
    public static FixedLinear permutation(SameDiff sd, String name, int dim, Random rng) {
        return new FixedLinear(sd, name, permutationMatrix(dim, rng));
    }

    /** With the given orthogonal matrix Q [d][d] (y = z Q). */
    public static FixedLinear of(SameDiff sd, String name, double[][] q) {
        return new FixedLinear(sd, name, q);
    }

    /** The matrix of a uniformly random permutation: row i has its 1 in column perm(i). */
    public static double[][] permutationMatrix(int dim, Random rng) {
        int[] perm = new int[dim];
        for (int i = 0; i < dim; i++) {
            perm[i] = i;
        }
        for (int i = dim - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        double[][] m = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
            m[i][perm[i]] = 1.0;
        }
        return m;
    }

    /** A random orthogonal matrix (Gram-Schmidt of a Gaussian matrix, Haar-distributed). */
    public static FixedLinear orthogonal(SameDiff sd, String name, int dim, Random rng) {
        return new FixedLinear(sd, name, Orthogonal.random(dim, rng));
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public SDVariable transform(SDVariable z, LogDetAccumulator logDet) {
        return z.mmul(q);
    }

    @Override
    public boolean hasInverse() {
        return true;
    }

    @Override
    public SDVariable inverse(SDVariable y) {
        return y.mmul(qt);
    }
}
