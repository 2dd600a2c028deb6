package org.nf4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class StableMathTest {

    @Test
    void softplusStaysFiniteInFloat32WhereTheNaiveFormOverflows() {
        float[] xs = {-200f, -5f, 0f, 3f, 100f, 5000f};
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", Nd4j.createFromArray(xs));
        SDVariable y = StableMath.softplus(sd, x);
        SDVariable loss = y.sum();
        loss.markAsLoss();
        INDArray out = y.eval();
        Map<String, INDArray> grad = sd.calculateGradients(new HashMap<>(), List.of("x"));
        for (int i = 0; i < xs.length; i++) {
            double expected = Math.max(xs[i], 0) + Math.log1p(Math.exp(-Math.abs(xs[i])));
            assertEquals(expected, out.getDouble(i), 1e-6 * Math.max(1, Math.abs(expected)), "softplus(" + xs[i] + ")");
            if (xs[i] != 0f) {
                double sigmoid = 1 / (1 + Math.exp(-xs[i]));
                assertEquals(sigmoid, grad.get("x").getDouble(i), 1e-6, "softplus'(" + xs[i] + ")");
            }
        }
        assertEquals(DataType.FLOAT, out.dataType());
        // the naive ND4J op overflows at 100 in float32: this is why StableMath exists
        assertEquals(Float.POSITIVE_INFINITY, sd.nn.softplus(sd.constant(Nd4j.scalar(100f))).eval().getFloat(0));
    }
}
