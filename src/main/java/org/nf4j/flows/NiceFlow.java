package org.nf4j.flows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A NICE flow of K steps: before each additive coupling a fixed random mixing (a permutation for
 * NICE-perm, an orthogonal matrix for NICE-orth), coupling parities alternating between steps,
 * and optionally a final diagonal scaling layer. The K steps are built as one {@link NiceBlock}
 * (mixings folded into the coupling weights); {@link FixedLinear} + {@link NiceCoupling} is the
 * same function step by step.
 */
public final class NiceFlow {
    /** How coordinates are mixed before each coupling. */
    public enum Mixing { PERMUTATION, ORTHOGONAL }

    private NiceFlow() {
    }

    /**
     * @param hidden  hidden layer sizes of each coupling's shift network
     * @param gain    scale of the shift networks' initial weights
     * @param scaling whether to end with a {@link DiagonalScaling}
     */
    public static FlowSequence build(SameDiff sd, String name, int dim, int steps, Mixing mixing,
                                     int[] hidden, double gain, boolean scaling, Random rng) {
        return build(sd, name, dim, steps, mixing, hidden, gain, scaling, null, 1, rng);
    }

    /**
     * {@code groups} independent copies (see {@link FlowKind#grouped}); with {@code membership} null
     * and one group, the global flow.
     */
    public static FlowSequence build(SameDiff sd, String name, int dim, int steps, Mixing mixing, int[] hidden,
                                     double gain, boolean scaling, SDVariable membership, int groups, Random rng) {
        if (steps < 1) {
            throw new IllegalArgumentException("a NICE flow needs at least one step, got " + steps);
        }
        double[][][] mixings = new double[steps][][];
        for (int k = 0; k < steps; k++) {
            mixings[k] = mixing == Mixing.PERMUTATION ? permutation(dim, k, rng) : Orthogonal.random(dim, rng);
        }
        List<Flow> flows = new ArrayList<>();
        flows.add(new NiceBlock(sd, name + "/steps", mixings, hidden, gain, groups, rng));
        if (scaling) {
            flows.add(membership == null ? new DiagonalScaling(sd, name + "/scale", dim)
                    : new DiagonalScaling(sd, name + "/scale", dim, membership, groups));
        }
        return new FlowSequence(flows);
    }

    /**
     * A random permutation for step k, redrawn while it would make step k shift exactly the
     * coordinates step k - 1 shifted (two such couplings compose into one: in 2-D half of all random
     * draws do that, and a K = 2 NICE-perm flow then only ever moves one coordinate).
     */
    static double[][] permutation(int dim, int k, Random rng) {
        double[][] p = FixedLinear.permutationMatrix(dim, rng);
        for (int tries = 0; k > 0 && tries < 1000 && shiftsPrevious(p, dim, k); tries++) {
            p = FixedLinear.permutationMatrix(dim, rng);
        }
        return p;
    }

    /** Whether step k with mixing p shifts the same coordinates of its input as step k - 1 shifted of its output. */
    static boolean shiftsPrevious(double[][] p, int dim, int k) {
        for (int i = 0; i < dim; i++) {
            int j = 0;
            while (p[i][j] != 1.0) {
                j++;
            }
            // input coordinate i lands on j; step k shifts j when it does not condition on it
            if (NiceBlock.conditions(j, dim, k) != NiceBlock.conditions(i, dim, k - 1)) {
                return false;
            }
        }
        return true;
    }
}
