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

/** Triangular Sylvester flow against its formula in plain Java, and invertible for any raw values. */
@org.junit.jupiter.api.extension.ExtendWith(org.nf4j.Float64.class)
class SylvesterFlowTest {

    @Test
    void matchesTheFormulaWithAlternatingPermutations() {
        int d = 3;
        int k = 2;
        Random rng = new Random(5);
        double[] raw = StepParameters.gaussian(rng, k * SylvesterFlow.paramsPerStep(d), 0.8);
        double[][] z = FlowChecks.gaussian(rng, 4, d, 1.0);
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("z", DataType.DOUBLE, -1, d);
        FlowOutput out = SylvesterFlow.global(sd, "s", d, k, raw).forward(in);
        Map<String, INDArray> res = sd.output(Map.of("z", FlowChecks.array(z)), out.z().name(), out.logDet().name());
        for (int n = 0; n < z.length; n++) {
            double[] x = z[n].clone();
            double logDet = 0;
            for (int s = 0; s < k; s++) {
                int o = s * SylvesterFlow.paramsPerStep(d);
                double[][] r = new double[d][d];
                double[][] t = new double[d][d];
                for (int i = 0; i < d; i++) {
                    for (int j = i; j < d; j++) {
                        r[i][j] = i == j ? Math.tanh(raw[o + i * d + j]) : raw[o + i * d + j];
                        t[i][j] = i == j ? Math.tanh(raw[o + d * d + i * d + j]) : raw[o + d * d + i * d + j];
                    }
                }
                double[] q = s % 2 == 0 ? x : reversed(x);
                double[] h = new double[d];
                for (int i = 0; i < d; i++) {
                    double a = raw[o + 2 * d * d + i];
                    for (int j = 0; j < d; j++) {
                        a += t[i][j] * q[j];
                    }
                    h[i] = Math.tanh(a);
                    logDet += Math.log(Math.abs(1 + (1 - h[i] * h[i]) * r[i][i] * t[i][i]));
                }
                double[] rh = new double[d];
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        rh[i] += r[i][j] * h[j];
                    }
                }
                double[] step = s % 2 == 0 ? rh : reversed(rh);
                for (int i = 0; i < d; i++) {
                    x[i] += step[i];
                }
            }
            for (int i = 0; i < d; i++) {
                assertEquals(x[i], res.get(out.z().name()).getDouble(n, i), 1e-12, "z_K of example " + n);
            }
            assertEquals(logDet, res.get(out.logDet().name()).getDouble(n), 1e-12, "log|det| of example " + n);
        }
    }

    @Test
    void everyFactorIsPositiveForAnyRawValues() {
        int d = 5;
        Random rng = new Random(9);
        double[] raw = StepParameters.gaussian(rng, 3 * SylvesterFlow.paramsPerStep(d), 50.0);
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("z", DataType.DOUBLE, -1, d);
        FlowOutput out = SylvesterFlow.global(sd, "s", d, 3, raw).forward(in);
        INDArray logDet = sd.output(Map.of("z", FlowChecks.array(FlowChecks.gaussian(rng, 50, d, 3.0))), out.logDet().name())
                .get(out.logDet().name());
        for (int n = 0; n < 50; n++) {
            assertTrue(Double.isFinite(logDet.getDouble(n)), "log|det| finite: every 1 + h' R_ii R~_ii > 0");
        }
    }

    private static double[] reversed(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[v.length - 1 - i];
        }
        return r;
    }
}
