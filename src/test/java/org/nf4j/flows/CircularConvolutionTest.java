package org.nf4j.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Circular convolution against a direct convolution sum and a complex DFT in plain Java. */
class CircularConvolutionTest {

    @BeforeAll
    static void float64() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

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
}
