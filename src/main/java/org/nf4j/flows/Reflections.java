package org.nf4j.flows;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Householder reflections {@code H_j z = z - 2 v_j (v_j . z) / ||v_j||^2} applied to row vectors
 * {@code z [batch, d]}, for vectors given as one row (shared by the batch) or one row per example.
 * The factors 2 v_j / ||v_j||^2 of all reflections are computed together, before any is applied;
 * applying one then costs four ops (shared vectors: the product {@code (v.z) 2v/|v|^2} is one GEMM
 * [batch, 1] x [1, d]) or five (per-example vectors: v.z is spread over the row by a GEMM with a row of
 * ones, so that the multiply that follows has operands of one shape; a broadcasting multiply by a
 * [batch, 1] column has a slow backward pass in ND4J 1.0.0-M2.1, see {@link Broadcasts}). A
 * reflection does not depend on the length of v; v = 0 is taken as the identity (1e-30 is added to
 * ||v||^2, so 0 * inf = NaN cannot happen).
 */
final class Reflections {
    private final SDVariable[] v;
    private final SDVariable[] scaled;
    private final SDVariable ones;

    /**
     * @param vectors {@code [rows, count, d]}: rows = 1 (shared) or batch
     * @param shared  whether {@code rows} is 1, shared by the whole batch
     */
    Reflections(SameDiff sd, SDVariable vectors, int count, int dim, boolean shared) {
        SDVariable norms = vectors.mul(vectors).sum(true, 2).add(1e-30);
        SDVariable factors = vectors.mul(Broadcasts.alongLastAxis(sd, norms.rdiv(2.0), count, dim));
        this.v = rows(sd, vectors, count, dim);
        this.scaled = rows(sd, factors, count, dim);
        this.ones = shared ? null : sd.constant(Nd4j.ones(vectors.dataType(), 1, dim));
    }

    /** {@code [rows, count, d]} as one {@code [rows, d]} variable per reflection. */
    private static SDVariable[] rows(SameDiff sd, SDVariable all, int count, int dim) {
        if (count == 1) {
            // unstack of a single slice fails in SameDiff's backward pass
            return new SDVariable[] {sd.reshape(all, -1, dim)};
        }
        return sd.unstack(all, 1, count);
    }

    /** The number of reflections. */
    int count() {
        return v.length;
    }

    /** {@code H_j z} for {@code z [batch, d]}. */
    SDVariable apply(SDVariable z, int j) {
        SDVariable dot = z.mul(v[j]).sum(true, 1);
        if (ones == null) {
            return z.sub(dot.mmul(scaled[j]));
        }
        return z.sub(scaled[j].mul(dot.mmul(ones)));
    }
}
