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

/** Radial flow against the paper's formula written out in plain Java, and its constraint. */
@org.junit.jupiter.api.extension.ExtendWith(org.nf4j.Float64.class)
class RadialFlowTest {

    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Test
    void matchesThePaperFormula() {
        int d = 4;
        int k = 3;
        Random rng = new Random(11);
        double[] raw = StepParameters.gaussian(rng, k * RadialFlow.paramsPerStep(d), 1.0);
        double[][] z = FlowChecks.gaussian(rng, 5, d, 1.5);

        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("z", DataType.DOUBLE, -1, d);
        FlowOutput out = RadialFlow.global(sd, "r", d, k, raw).forward(in);
        Map<String, INDArray> res = sd.output(Map.of("z", FlowChecks.array(z)), out.z().name(), out.logDet().name());

        for (int n = 0; n < z.length; n++) {
            double[] x = z[n].clone();
            double logDet = 0;
            for (int s = 0; s < k; s++) {
                int o = s * RadialFlow.paramsPerStep(d);
                double alpha = softplus(raw[o + d]);
                double beta = -alpha + softplus(raw[o + d + 1]);
                double r = 0;
                for (int i = 0; i < d; i++) {
                    r += (x[i] - raw[o + i]) * (x[i] - raw[o + i]);
                }
                r = Math.sqrt(r);
                double h = 1 / (alpha + r);
                double hPrime = -1 / ((alpha + r) * (alpha + r));
                logDet += (d - 1) * Math.log(1 + beta * h) + Math.log(1 + beta * h + beta * hPrime * r);
                for (int i = 0; i < d; i++) {
                    x[i] += beta * h * (x[i] - raw[o + i]);
                }
            }
            for (int i = 0; i < d; i++) {
                assertEquals(x[i], res.get(out.z().name()).getDouble(n, i), 1e-10);
            }
            assertEquals(logDet, res.get(out.logDet().name()).getDouble(n), 1e-10);
        }
    }

    @Test
    void betaIsAtLeastMinusAlphaForExtremeRawParameters() {
        int d = 3;
        int k = 4;
        double[][] raw = FlowChecks.gaussian(new Random(8), 300, k * RadialFlow.paramsPerStep(d), 60.0);
        SameDiff sd = SameDiff.create();
        RadialFlow flow = RadialFlow.amortised(sd, "r", d, k, sd.var("raw", FlowChecks.array(raw)));
        INDArray alpha = flow.alpha().eval();
        INDArray beta = flow.beta().eval();
        for (int r = 0; r < raw.length; r++) {
            for (int s = 0; s < k; s++) {
                double a = alpha.getDouble(r, s);
                double b = beta.getDouble(r, s);
                // alpha = softplus(raw) is positive in exact arithmetic; it underflows to 0 below raw ~ -745
                assertTrue(a >= 0 && Double.isFinite(a) && Double.isFinite(b) && b >= -a, "alpha " + a + ", beta " + b);
            }
        }
    }
}
