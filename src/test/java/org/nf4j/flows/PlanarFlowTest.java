package org.nf4j.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Planar flow against the paper's formula written out in plain Java, and its constraint. */
@org.junit.jupiter.api.extension.ExtendWith(org.nf4j.Float64.class)
class PlanarFlowTest {

    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void matchesThePaperFormula() {
        int d = 3;
        int k = 2;
        Random rng = new Random(5);
        double[] raw = StepParameters.gaussian(rng, k * PlanarFlow.paramsPerStep(d), 1.5);
        double[][] z = FlowChecks.gaussian(rng, 4, d, 1.0);

        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("z", DataType.DOUBLE, -1, d);
        FlowOutput out = PlanarFlow.global(sd, "p", d, k, raw).forward(in);
        Map<String, INDArray> res = sd.output(Map.of("z", FlowChecks.array(z)), out.z().name(), out.logDet().name());

        for (int n = 0; n < z.length; n++) {
            double[] x = z[n].clone();
            double logDet = 0;
            for (int s = 0; s < k; s++) {
                int o = s * PlanarFlow.paramsPerStep(d);
                double[] u = java.util.Arrays.copyOfRange(raw, o, o + d);
                double[] w = java.util.Arrays.copyOfRange(raw, o + d, o + 2 * d);
                double b = raw[o + 2 * d];
                double wu = dot(w, u);
                double coef = (-1 + softplus(wu) - wu) / dot(w, w);
                double[] uHat = new double[d];
                for (int i = 0; i < d; i++) {
                    uHat[i] = u[i] + coef * w[i];
                }
                double a = dot(w, x) + b;
                double h = Math.tanh(a);
                logDet += Math.log(Math.abs(1 + (1 - h * h) * dot(w, uHat)));
                for (int i = 0; i < d; i++) {
                    x[i] += uHat[i] * h;
                }
            }
            for (int i = 0; i < d; i++) {
                assertEquals(x[i], res.get(out.z().name()).getDouble(n, i), 1e-12);
            }
            assertEquals(logDet, res.get(out.logDet().name()).getDouble(n), 1e-12);
        }
    }

    @Test
    void constraintHoldsForExtremeRawParameters() {
        int d = 5;
        int k = 4;
        int rows = 200;
        double[][] raw = FlowChecks.gaussian(new Random(3), rows, k * PlanarFlow.paramsPerStep(d), 50.0);
        // a few hand-made extremes: w.u hugely negative and hugely positive, tiny w
        for (int i = 0; i < d; i++) {
            raw[0][i] = -300;
            raw[0][d + i] = 300;
            raw[1][i] = 300;
            raw[1][d + i] = 300;
            raw[2][d + i] = 1e-3;
        }
        SameDiff sd = SameDiff.create();
        PlanarFlow flow = PlanarFlow.amortised(sd, "p", d, k, sd.var("raw", FlowChecks.array(raw)));
        INDArray m = flow.wDotUHat().eval();
        for (int r = 0; r < rows; r++) {
            for (int s = 0; s < k; s++) {
                double v = m.getDouble(r, s);
                assertTrue(v >= -1 && Double.isFinite(v), "w.u_hat = " + v + " at row " + r + " step " + s);
            }
        }
    }

    /**
     * With small raw parameters (a small-initialised amortised head), the paper's m makes u_hat ~
     * 0.31 w / ||w||^2 huge: the step moves z by O(1) and has det ~ 1 - 0.307; the centred m keeps the
     * step near the identity.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void centredConstraintStartsNearTheIdentity(boolean centred) {
        int d = 4;
        int k = 3;
        Random rng = new Random(8);
        double[][] rawRows = FlowChecks.gaussian(rng, 5, k * PlanarFlow.paramsPerStep(d), 1e-3);
        double[][] z = FlowChecks.gaussian(rng, 5, d, 1.0);
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("z", DataType.DOUBLE, -1, d);
        SDVariable raw = sd.placeHolder("raw", DataType.DOUBLE, -1, k * PlanarFlow.paramsPerStep(d));
        FlowOutput out = PlanarFlow.amortised(sd, "p", d, k, raw, centred).forward(in);
        Map<String, INDArray> res = sd.output(Map.of("z", FlowChecks.array(z), "raw", FlowChecks.array(rawRows)),
                out.z().name(), out.logDet().name());
        double moved = res.get(out.z().name()).sub(FlowChecks.array(z)).amaxNumber().doubleValue();
        double logDet = res.get(out.logDet().name()).amaxNumber().doubleValue();
        if (centred) {
            assertTrue(moved < 1e-2, "centred: moved " + moved);
            assertTrue(logDet < 1e-4, "centred: log-det " + logDet);
        } else {
            assertTrue(moved > 0.1, "paper m: moved only " + moved);
            // w.u ~ 0 so w.u_hat = m(0) = softplus(0) - 1 and tanh' ~ 1: log-det ~ k ln(softplus(0))
            assertEquals(k * Math.log(softplus(0)), res.get(out.logDet().name()).getDouble(0), 1e-2);
        }
    }
}
