package org.nf4j.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The folded affine coupling block against the step-by-step chain permute -> couple written out in
 * plain Java, whatever its inert parameters hold; the log-scale bound for any parameters; mixings
 * other than permutations refused.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.nf4j.Float64.class)
class AffineCouplingFlowTest {

    @ParameterizedTest(name = "d={0} K={1} hidden layers={2}")
    @CsvSource({"2,1,2", "2,4,2", "5,3,2", "6,2,1", "3,3,0"})
    void equalsTheStepByStepChain(int d, int steps, int hiddenLayers) {
        int[] hidden = java.util.Arrays.copyOf(new int[] {6, 5}, hiddenLayers);
        Random rng = new Random(10L * d + steps);
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("z", DataType.DOUBLE, -1, d);
        AffineCouplingFlow flow = AffineCouplingFlow.build(sd, "ac", d, steps, hidden, 1.0, 1, rng);
        List<String> names = new ArrayList<>();
        for (int l = 0; l <= hiddenLayers; l++) {
            names.add(Integer.toString(l));
        }
        names.add("s");
        for (String layer : names) {
            for (String p : new String[] {"ac/W" + layer, "ac/b" + layer}) {
                INDArray a = sd.getVariable(p).getArr();
                sd.getVariable(p).setArray(Nd4j.randn(rng.nextLong(), a.shape()).castTo(DataType.DOUBLE).muli(0.6));
            }
        }
        FlowOutput out = flow.forward(in);
        SDVariable back = flow.inverse(out.z());
        double[][] z = FlowChecks.gaussian(new Random(3), 7, d, 1.5);
        Map<String, INDArray> res = sd.output(Map.of("z", FlowChecks.array(z)), out.z().name(), out.logDet().name(), back.name());
        double moved = 0;
        for (int r = 0; r < z.length; r++) {
            double[] logDet = new double[1];
            double[] expected = reference(sd, flow, z[r], steps, hiddenLayers, logDet);
            for (int i = 0; i < d; i++) {
                assertEquals(expected[i], res.get(out.z().name()).getDouble(r, i), 1e-12 * (1 + Math.abs(expected[i])));
                assertEquals(z[r][i], res.get(back.name()).getDouble(r, i), 1e-10);
                moved += Math.abs(expected[i] - z[r][i]);
            }
            assertEquals(logDet[0], res.get(out.logDet().name()).getDouble(r), 1e-12);
        }
        assertTrue(moved > 0.1, "the flow should move the points");
    }

    /**
     * Step k: t = s P_k; the conditioning coordinates A (the first d/2 on even steps, the rest on odd
     * ones) feed a ReLU network; every other coordinate j becomes t_j exp(2 tanh(a_j)) + shift_j.
     */
    private static double[] reference(SameDiff sd, AffineCouplingFlow flow, double[] z, int steps, int hiddenLayers,
                                      double[] logDet) {
        int d = z.length;
        double[] s = z.clone();
        for (int k = 0; k < steps; k++) {
            double[][] p = flow.permutation(k);
            double[] t = new double[d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    t[j] += s[i] * p[i][j];
                }
            }
            boolean[] conditioning = new boolean[d];
            double[] h = new double[d];
            for (int i = 0; i < d; i++) {
                conditioning[i] = k % 2 == 0 ? i < d / 2 : i >= d / 2;
                h[i] = conditioning[i] ? t[i] : 0.0;
            }
            for (int l = 0; l < hiddenLayers; l++) {
                h = layer(sd, "ac/W" + l, "ac/b" + l, k, h);
                for (int j = 0; j < h.length; j++) {
                    h[j] = Math.max(h[j], 0.0);
                }
            }
            double[] shift = layer(sd, "ac/W" + hiddenLayers, "ac/b" + hiddenLayers, k, h);
            double[] a = layer(sd, "ac/Ws", "ac/bs", k, h);
            for (int j = 0; j < d; j++) {
                if (!conditioning[j]) {
                    t[j] = t[j] * Math.exp(2 * Math.tanh(a[j])) + shift[j];
                    logDet[0] += 2 * Math.tanh(a[j]);
                }
            }
            s = t;
        }
        return s;
    }

    /** x W_k + b_k with step k's weights of the stacked variables. */
    private static double[] layer(SameDiff sd, String w, String b, int k, double[] x) {
        INDArray wk = sd.getVariable(w).getArr().slice(k);
        INDArray bk = sd.getVariable(b).getArr().getRow(k);
        double[] y = new double[(int) wk.columns()];
        for (int j = 0; j < y.length; j++) {
            y[j] = bk.getDouble(j);
            for (int i = 0; i < x.length; i++) {
                y[j] += x[i] * wk.getDouble(i, j);
            }
        }
        return y;
    }

    @Test
    void theLogScaleIsBoundedForAnyParameters() {
        int d = 2;
        int steps = 1;
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("z", DataType.DOUBLE, -1, d);
        AffineCouplingFlow flow = AffineCouplingFlow.build(sd, "ac", d, steps, new int[] {8}, 50.0, 1, new Random(2));
        FlowOutput out = flow.forward(in);
        SDVariable back = flow.inverse(out.z());
        double[][] z = FlowChecks.gaussian(new Random(4), 30, d, 3.0);
        Map<String, INDArray> res = sd.output(Map.of("z", FlowChecks.array(z)), out.logDet().name(), back.name());
        double bound = 2.0;
        boolean saturated = false;
        for (int r = 0; r < z.length; r++) {
            double logDet = res.get(out.logDet().name()).getDouble(r);
            assertTrue(Math.abs(logDet) <= bound, "|log det| " + logDet + " of one scaled coordinate within 2 (tanh rounds to 1)");
            saturated |= Math.abs(logDet) > 0.95 * bound;
            for (int i = 0; i < d; i++) {
                assertTrue(Double.isFinite(res.get(back.name()).getDouble(r, i)));
            }
        }
        assertTrue(saturated, "weights this large should saturate some scales");
    }

    @Test
    void refusesMixingsOtherThanPermutations() {
        double[][][] rotation = {Orthogonal.random(3, new Random(1))};
        assertThrows(IllegalArgumentException.class,
                () -> new AffineCouplingFlow(SameDiff.create(), "ac", rotation, new int[] {4}, 1.0, 1, new Random(1)));
        double[][][] twice = {{{1, 0, 0}, {1, 0, 0}, {0, 0, 1}}};
        assertThrows(IllegalArgumentException.class,
                () -> new AffineCouplingFlow(SameDiff.create(), "ac", twice, new int[] {4}, 1.0, 1, new Random(1)));
    }
}
