package org.nf4j.flows;

/**
 * The connectivity of a MADE (Germain, Gregor, Murray and Larochelle 2015, "MADE: masked
 * autoencoder for distribution estimation"): every unit has a degree, and a weight is live only
 * where it keeps output i a function of the inputs before i in the order. Inputs (and outputs) have
 * degrees 1..d in the step's order; hidden units cycle through 1..d-1, or 0..d-1 when a context
 * feeds the first layer (a degree-0 unit sees only the context, so the first output depends on it
 * too). A hidden unit of degree m reads inputs of degree &lt;= m and hidden units of degree &lt;= m;
 * output i reads hidden units of degree &lt; i.
 */
final class Made {
    private Made() {
    }

    /** Degrees of the d inputs: 1..d in the natural order, d..1 reversed. */
    static int[] inputDegrees(int dim, boolean reversed) {
        int[] deg = new int[dim];
        for (int i = 0; i < dim; i++) {
            deg[i] = reversed ? dim - i : i + 1;
        }
        return deg;
    }

    /** Degrees of a hidden layer of {@code width} units. */
    static int[] hiddenDegrees(int width, int dim, boolean context) {
        int[] deg = new int[width];
        for (int j = 0; j < width; j++) {
            deg[j] = context ? j % dim : 1 + j % (dim - 1);
        }
        return deg;
    }

    /** Whether the weight from a unit of degree {@code from} to a hidden unit of degree {@code to} is live. */
    static boolean hidden(int from, int to) {
        return from <= to;
    }

    /** Whether the weight from a hidden unit of degree {@code from} to an output of degree {@code to} is live. */
    static boolean output(int from, int to) {
        return from < to;
    }
}
