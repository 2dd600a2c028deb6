package org.nf4j.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** NICE coupling: the conditioning half passes unchanged, the other half moves; parities alternate. */
@org.junit.jupiter.api.extension.ExtendWith(org.nf4j.Float64.class)
class NiceCouplingTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void conditioningHalfIsUnchangedAndTheOtherMoves(int parity) {
        int d = 5;
        int h = d / 2;
        double[][] z = FlowChecks.gaussian(new Random(4), 6, d, 1.0);
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("z", DataType.DOUBLE, -1, d);
        FlowOutput out = new NiceCoupling(sd, "c", d, parity, new int[] {8}, 1.0, new Random(1)).forward(in);
        Map<String, INDArray> res = sd.output(Map.of("z", FlowChecks.array(z)), out.z().name(), out.logDet().name());
        INDArray y = res.get(out.z().name());
        for (int r = 0; r < z.length; r++) {
            double moved = 0;
            for (int i = 0; i < d; i++) {
                boolean conditioning = parity == 0 ? i < h : i >= h;
                if (conditioning) {
                    assertEquals(z[r][i], y.getDouble(r, i), 0.0);
                } else {
                    moved += Math.abs(z[r][i] - y.getDouble(r, i));
                }
            }
            assertNotEquals(0.0, moved);
            assertEquals(0.0, res.get(out.logDet().name()).getDouble(r), 0.0);
        }
    }
}
