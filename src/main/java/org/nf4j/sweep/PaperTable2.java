package org.nf4j.sweep;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The paper's MNIST numbers (Rezende and Mohamed 2015, Table 2 and Figure 4; see ANCHORS.md): test
 * -ln p(x) by importance sampling with 200 samples, after 500,000 RMSprop updates, in nats.
 */
public final class PaperTable2 {
    private PaperTable2() {
    }

    /** The flow lengths of the paper's table. */
    public static final List<Integer> KS = List.of(10, 20, 40, 80);
    /** DLGM with a diagonal-covariance posterior (K = 0). */
    public static final double DIAGONAL = 89.9;

    private static final Map<String, double[]> NEG_LOG_PX = Map.of(
            "planar", new double[] {87.5, 86.5, 85.7, 85.1},
            "nice-perm", new double[] {88.6, 87.9, 87.3, 87.2});
    /** Figure 4, planar, read off the figure at K = 0, 10, 20, 40, 80. */
    private static final double[] FIG4_NEG_ELBO = {96.7, 93.55, 91.95, 90.6, 89.6};
    private static final double[] FIG4_KL = {6.8, 6.03, 5.42, 4.85, 4.42};

    /** The paper's -ln p(x) for a flow at K (K = 0: the diagonal model, whatever the flow), if it has one. */
    public static OptionalDouble negLogPx(String flow, int k) {
        if (k == 0) {
            return OptionalDouble.of(DIAGONAL);
        }
        double[] v = NEG_LOG_PX.get(flow);
        int i = KS.indexOf(k);
        return v == null || i < 0 ? OptionalDouble.empty() : OptionalDouble.of(v[i]);
    }

    /** Figure 4's free energy (-ELBO) for planar flows at K = 0, 10, 20, 40, 80. */
    public static OptionalDouble figure4NegElbo(String flow, int k) {
        return figure4(FIG4_NEG_ELBO, flow, k);
    }

    /** Figure 4's KL(q || p(z|x)) for planar flows at K = 0, 10, 20, 40, 80. */
    public static OptionalDouble figure4Kl(String flow, int k) {
        return figure4(FIG4_KL, flow, k);
    }

    private static OptionalDouble figure4(double[] v, String flow, int k) {
        if (k == 0) {
            return OptionalDouble.of(v[0]);
        }
        int i = KS.indexOf(k);
        return flow.equals("planar") && i >= 0 ? OptionalDouble.of(v[i + 1]) : OptionalDouble.empty();
    }

    /** The model's name in the paper's table. */
    public static String modelName(String flow, int k) {
        if (k == 0) {
            return "DLGM diagonal covariance";
        }
        return switch (flow) {
            case "planar" -> "DLGM + NF (planar)";
            case "nice-perm" -> "DLGM + NICE (perm)";
            default -> "DLGM + " + flow;
        };
    }
}
