package org.nf4j.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Circular convolution against a direct convolution sum and a complex DFT in plain Java. */
@org.junit.jupiter.api.extension.ExtendWith(org.nf4j.Float64.class)
class CircularConvolutionTest {

    @Test
    void isACircularConvolutionWithDftLogDet() {
        int d = 7;
        Random rng = new Random(2);
        double[] w = StepParameters.gaussian(rng, d, 1.0);
        double[][] z = FlowChecks.gaussian(rng, 3, d, 1.0);
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("z", DataType.DOUBLE, -1, d);
        FlowOutput out = new CircularConvolution(sd, "c", w).forward(in);
        Map<String, INDArray> res = sd.output(Map.of("z", FlowChecks.array(z)), out.z().name(), out.logDet().name());

        double logDet = 0;
        for (int n = 0; n < d; n++) {
            double re = 0;
            double im = 0;
            for (int m = 0; m < d; m++) {
                re += w[m] * Math.cos(2 * Math.PI * n * m / d);
                im -= w[m] * Math.sin(2 * Math.PI * n * m / d);
            }
            logDet += Math.log(Math.hypot(re, im));
        }
        for (int row = 0; row < z.length; row++) {
            for (int n = 0; n < d; n++) {
                double y = 0;
                for (int m = 0; m < d; m++) {
                    y += w[m] * z[row][Math.floorMod(n - m, d)];
                }
                assertEquals(y, res.get(out.z().name()).getDouble(row, n), 1e-12);
            }
            assertEquals(logDet, res.get(out.logDet().name()).getDouble(row), 1e-10);
        }
    }

    /**
     * 32 steps inverted in one graph round-trip. The inverse once deconvolved y itself, using it twice
     * per step; SameDiff walks every path back through such a chain when it sets up an output (2^K of
     * them), so K = 32 never finished (the timeout only turns that hang into a failure).
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void longChainInvertsInOneGraph() {
        int d = 3;
        int k = 32;
        Random rng = new Random(5);
        double[][] kernels = new double[k][];
        for (int i = 0; i < k; i++) {
            kernels[i] = StepParameters.gaussian(rng, d, 1.0);
            kernels[i][0] += 2.0; // well away from a zero of the spectrum, so 32 products stay well conditioned
        }
        double[][] z = FlowChecks.gaussian(rng, 4, d, 1.0);
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("z", DataType.DOUBLE, -1, d);
        CircularConvolution flow = new CircularConvolution(sd, "c", kernels);
        SDVariable back = flow.inverse(flow.forward(in).z());
        double[][] got = sd.output(Map.of("z", FlowChecks.array(z)), back.name()).get(back.name()).toDoubleMatrix();
        for (int r = 0; r < z.length; r++) {
            for (int c = 0; c < d; c++) {
                assertEquals(z[r][c], got[r][c], 1e-9 * (1 + Math.abs(z[r][c])), "row " + r + " col " + c);
            }
        }
    }
}
