package org.nf4j.targets;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * An unnormalised 2-D target density p(z) = exp(-U(z)) / Z with energy U: R^2 -&gt; R.
 *
 * <p>The two {@code energy} methods must agree: the plain-Java one serves pictures and
 * quadrature, the SameDiff one builds a differentiable graph node for training.
 */
public interface Energy2D {

    /** Short registry name, e.g. {@code "u1"}. */
    String name();

    /** Human-readable formula, including any modification of the paper's definition. */
    String description();

    /** U(z1, z2) in plain double precision. */
    double energy(double z1, double z2);

    /**
     * U evaluated row-wise in a SameDiff graph.
     *
     * @param sd the graph to add ops to
     * @param z  points, shape [batch, 2]
     * @return U, shape [batch]
     */
    SDVariable energy(SameDiff sd, SDVariable z);

    /** Unnormalised density exp(-U(z1, z2)). */
    default double unnormalisedDensity(double z1, double z2) {
        return Math.exp(-energy(z1, z2));
    }
}
