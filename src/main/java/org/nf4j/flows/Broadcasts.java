package org.nf4j.flows;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Explicit broadcasts that are cheaper to differentiate than SameDiff's implicit ones.
 *
 * <p>In ND4J 1.0.0-M2.1 the backward op of a broadcasting multiply (multiply_bp with a {@code [.., 1]}
 * operand) reduces the gradient of the small operand on a slow generic path: about 1.5 ms for
 * {@code [100, 20, 40] * [100, 20, 1]}, twenty times the same-shape multiply. Spreading the small
 * operand first by a product with a constant row of ones (a GEMM with inner dimension 1, whose
 * backward is two small GEMMs) and multiplying same-shape arrays took well under half the time.
 */
final class Broadcasts {
    private Broadcasts() {
    }

    /** {@code x [rows, steps, 1]} repeated to {@code [rows, steps, width]}. */
    static SDVariable alongLastAxis(SameDiff sd, SDVariable x, int steps, int width) {
        SDVariable ones = sd.constant(Nd4j.ones(x.dataType(), 1, width));
        return sd.reshape(sd.reshape(x, -1, 1).mmul(ones), -1, steps, width);
    }
}
