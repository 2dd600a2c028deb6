package org.nf4j.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.nf4j.flows.InverseAutoregressiveFlow.Scale;

/**
 * IAF against the chain written out in plain Java: natural-order MADEs with the coordinates
 * explicitly reversed between steps (the flow folds the reversals into its masks); autoregressive
 * exactly; gates in (0, 1) for any context.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.nf4j.Float64.class)
class InverseAutoregressiveFlowTest {
    private static final int[] HIDDEN = {7, 6};
    private static final String[] LAYERS = {"0", "1", "m", "s"};

    private static InverseAutoregressiveFlow build(SameDiff sd, int d, int steps, double[][] context) {
        return build(sd, Scale.GATED, d, steps, context);
    }

    private static InverseAutoregressiveFlow build(SameDiff sd, Scale scale, int d, int steps, double[][] context) {
        return context == null ? InverseAutoregressiveFlow.global(sd, "iaf", scale, d, steps, HIDDEN, 1.0, new Random(3))
                : InverseAutoregressiveFlow.amortised(sd, "iaf", scale, d, steps, HIDDEN, 1.0,
                        sd.constant(FlowChecks.array(context)), new Random(3));
    }

    @ParameterizedTest(name = "d={0} K={1} context={2} {3}")
    @CsvSource({"4,3,false,GATED", "2,4,false,GATED", "3,2,true,GATED", "5,1,true,GATED", "2,3,true,GATED",
                "4,3,false,WIDE", "3,2,true,WIDE", "2,3,true,WIDE"})
    void equalsNaturalOrderMadesWithReversalsBetweenSteps(int d, int steps, boolean withContext, Scale scale) {
        Random rng = new Random(10L * d + steps);
        int rows = 5;
        double[][] context = withContext ? FlowChecks.gaussian(rng, rows, InverseAutoregressiveFlow.contextSize(steps, HIDDEN), 1.0)
                : null;
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("z", DataType.DOUBLE, -1, d);
        FlowOutput out = build(sd, scale, d, steps, context).forward(in);
        // every parameter random, the masked-out weights included: they must not matter
        for (String layer : LAYERS) {
            for (String p : new String[] {"iaf/W" + layer, "iaf/b" + layer}) {
                INDArray a = sd.getVariable(p).getArr();
                sd.getVariable(p).setArray(Nd4j.randn(rng.nextLong(), a.shape()).castTo(DataType.DOUBLE).muli(0.7));
            }
        }
        double[][] z = FlowChecks.gaussian(rng, rows, d, 1.5);
        Map<String, INDArray> res = sd.output(Map.of("z", FlowChecks.array(z)), out.z().name(), out.logDet().name());
        for (int n = 0; n < rows; n++) {
            double[] logDet = new double[1];
            double[] expected = reference(sd, scale, d, steps, z[n], context == null ? null : context[n], logDet);
            for (int i = 0; i < d; i++) {
                assertEquals(expected[i], res.get(out.z().name()).getDouble(n, i), 1e-12, "z_K of example " + n);
            }
            assertEquals(logDet[0], res.get(out.logDet().name()).getDouble(n), 1e-12, "log|det| of example " + n);
        }
    }

    /**
     * x_1 = f_1(z), x_k = f_k(reverse(x_{k-1})) with natural-order MADEs f_k: inputs and outputs of
     * degree i + 1 at coordinate i; hidden unit j of degree 1 + j mod (d - 1), or j mod d with a
     * context. Step k's weights are the flow's variables, which on odd steps read and write the
     * coordinates in reversed order.
     */
    private static double[] reference(SameDiff sd, Scale scale, int d, int steps, double[] z, double[] context,
                                      double[] logDet) {
        double[] x = z.clone();
        for (int k = 0; k < steps; k++) {
            if (k > 0) {
                x = reversed(x);
            }
            boolean odd = k % 2 == 1;
            double[] h = x;
            int[] degrees = new int[d];
            for (int i = 0; i < d; i++) {
                degrees[i] = i + 1;
            }
            for (int l = 0; l < HIDDEN.length; l++) {
                INDArray w = sd.getVariable("iaf/W" + LAYERS[l]).getArr().slice(k);
                INDArray b = sd.getVariable("iaf/b" + LAYERS[l]).getArr().getRow(k);
                int[] next = new int[HIDDEN[l]];
                double[] a = new double[HIDDEN[l]];
                for (int j = 0; j < HIDDEN[l]; j++) {
                    next[j] = context != null ? j % d : 1 + j % (d - 1);
                    a[j] = b.getDouble(j) + (l == 0 && context != null ? context[k * HIDDEN[0] + j] : 0.0);
                    for (int i = 0; i < h.length; i++) {
                        int row = l == 0 && odd ? d - 1 - i : i;
                        a[j] += degrees[i] <= next[j] ? h[i] * w.getDouble(row, j) : 0.0;
                    }
                    a[j] = Math.max(a[j], 0.0);
                }
                h = a;
                degrees = next;
            }
            double[] m = output(sd, "m", k, h, degrees, d, odd);
            double[] s = output(sd, "s", k, h, degrees, d, odd);
            for (int i = 0; i < d; i++) {
                double sigma = 1 / (1 + Math.exp(-s[i]));
                double c = scale == Scale.GATED ? 1 : 2;
                x[i] = m[i] + c * sigma * (x[i] - m[i]); // gated: sigma x + (1 - sigma) m
                logDet[0] += Math.log(c * sigma);
            }
        }
        return x;
    }

    /** The output layer {@code name} of step k: output i reads the hidden units of degree &lt; i + 1. */
    private static double[] output(SameDiff sd, String name, int k, double[] h, int[] degrees, int d, boolean odd) {
        INDArray w = sd.getVariable("iaf/W" + name).getArr().slice(k);
        INDArray b = sd.getVariable("iaf/b" + name).getArr().getRow(k);
        double[] o = new double[d];
        for (int i = 0; i < d; i++) {
            int col = odd ? d - 1 - i : i;
            o[i] = b.getDouble(col);
            for (int j = 0; j < h.length; j++) {
                o[i] += degrees[j] < i + 1 ? h[j] * w.getDouble(j, col) : 0.0;
            }
        }
        return o;
    }

    private static double[] reversed(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[v.length - 1 - i];
        }
        return r;
    }

    /** One step: moving z_j leaves every output before j exactly as it was, and moves output j. */
    @ParameterizedTest(name = "context={0}")
    @CsvSource({"false", "true"})
    void oneStepIsAutoregressive(boolean withContext) {
        int d = 5;
        Random rng = new Random(4);
        double[] base = FlowChecks.gaussian(rng, 1, d, 1.0)[0];
        double[][] z = new double[d + 1][];
        z[0] = base;
        for (int j = 0; j < d; j++) {
            z[j + 1] = base.clone();
            z[j + 1][j] += 0.5;
        }
        double[][] context = null;
        if (withContext) {
            double[] row = FlowChecks.gaussian(rng, 1, InverseAutoregressiveFlow.contextSize(1, HIDDEN), 1.0)[0];
            context = new double[d + 1][];
            java.util.Arrays.fill(context, row);
        }
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("z", DataType.DOUBLE, -1, d);
        SDVariable y = build(sd, d, 1, context).forward(in).z();
        INDArray out = sd.output(Map.of("z", FlowChecks.array(z)), y.name()).get(y.name());
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < j; i++) {
                assertEquals(out.getDouble(0, i), out.getDouble(j + 1, i), 0.0, "output " + i + " after moving z_" + j);
            }
            assertNotEquals(out.getDouble(0, j), out.getDouble(j + 1, j), "output " + j + " after moving z_" + j);
        }
    }

    /**
     * The wide IAF starts at scale 1 (s's bias 0) and can expand volume: with the s layer's weights at 0
     * and its bias at b, every coordinate of every step is scaled by 2 sigmoid(b), and log|det| is
     * K d ln(2 sigmoid(b)), positive for b &gt; 0; the gated IAF at the same b shrinks.
     */
    @ParameterizedTest(name = "b={0}")
    @CsvSource({"0.0", "3.0", "-2.0"})
    void theWideScaleStartsAtOneAndCanExpand(double b) {
        int d = 3;
        int steps = 2;
        for (Scale scale : Scale.values()) {
            SameDiff sd = SameDiff.create();
            SDVariable in = sd.placeHolder("z", DataType.DOUBLE, -1, d);
            FlowOutput out = build(sd, scale, d, steps, null).forward(in);
            INDArray bias = sd.getVariable("iaf/bs").getArr();
            assertEquals(scale == Scale.GATED ? 2.0 : 0.0, bias.getDouble(0), 0.0, "initial bias of s");
            sd.getVariable("iaf/Ws").getArr().assign(0.0);
            bias.assign(b);
            double c = scale == Scale.GATED ? 1 : 2;
            double expected = steps * d * Math.log(c / (1 + Math.exp(-b)));
            double logDet = sd.output(Map.of("z", FlowChecks.array(FlowChecks.gaussian(new Random(8), 4, d, 1.0))),
                    out.logDet().name()).get(out.logDet().name()).getDouble(2);
            assertEquals(expected, logDet, 1e-12, scale.name());
        }
    }

    @Test
    void gatesStayInsideZeroOneForAnyContext() {
        int d = 5;
        int steps = 3;
        Random rng = new Random(6);
        double[][] context = FlowChecks.gaussian(rng, 40, InverseAutoregressiveFlow.contextSize(steps, HIDDEN), 30.0);
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("z", DataType.DOUBLE, -1, d);
        FlowOutput out = build(sd, d, steps, context).forward(in);
        Map<String, INDArray> res = sd.output(Map.of("z", FlowChecks.array(FlowChecks.gaussian(rng, 40, d, 3.0))),
                out.z().name(), out.logDet().name());
        for (int n = 0; n < 40; n++) {
            double logDet = res.get(out.logDet().name()).getDouble(n);
            assertTrue(Double.isFinite(logDet) && logDet < 0, "sum of log sigma in (-inf, 0): " + logDet);
            for (int i = 0; i < d; i++) {
                assertTrue(Double.isFinite(res.get(out.z().name()).getDouble(n, i)));
            }
        }
    }
}
