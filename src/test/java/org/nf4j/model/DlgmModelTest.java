package org.nf4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nf4j.flows.FlowKind;
import org.nf4j.flows.FlowOptions;

/** The flow head's learning-rate scale changes how fast the flow parameters move, not where they start. */
@org.junit.jupiter.api.extension.ExtendWith(org.nf4j.Float64.class)
class DlgmModelTest {
    @Test
    void flowLrScaleKeepsTheInitialModelAndScalesTheHeadWeights() {
        DlgmModel plain = new DlgmModel(FlowKind.PLANAR, 3, 4, 16, 1, 0.05, 1.0, FlowOptions.defaults(), 9);
        DlgmModel slow = new DlgmModel(FlowKind.PLANAR, 3, 4, 16, 1, 0.05, 0.1, FlowOptions.defaults(), 9);
        INDArray w1 = plain.sameDiff().getVariable("enc/flow/W").getArr();
        INDArray w01 = slow.sameDiff().getVariable("enc/flow/W").getArr();
        assertEquals(0.0, w01.mul(0.1).sub(w1).amaxNumber().doubleValue(), 1e-15,
                "W is drawn with std flowInitScale / c");
        Map<String, INDArray> feed = Map.of(
                "x", Nd4j.rand(DataType.DOUBLE, 5, DlgmModel.PIXELS).gt(0.5).castTo(DataType.DOUBLE),
                "eps", Nd4j.randn(DataType.DOUBLE, 5, 4),
                "beta", Nd4j.scalar(1.0));
        double a = plain.sameDiff().output(feed, DlgmModel.NEG_ELBO).get(DlgmModel.NEG_ELBO).getDouble(0);
        double b = slow.sameDiff().output(feed, DlgmModel.NEG_ELBO).get(DlgmModel.NEG_ELBO).getDouble(0);
        assertEquals(a, b, 1e-9 * Math.abs(a), "the same initial model");
    }
}
