package org.nf4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nf4j.Float64;
import org.nf4j.flows.FlowKind;
import org.nf4j.flows.FlowOptions;
import org.nf4j.model.DlgmModel;

/**
 * The encoder run once per digit and repeated S times gives, in float64, the importance-sampling
 * estimates of the digit tiled S times (the plain path it replaces), for amortised and global flows,
 * with whole digits per graph call and with one digit spread over several calls.
 */
@ExtendWith(Float64.class)
class OncePerDigitTest {

    private static DlgmModel model(String flow, int k, DlgmModel.Encoding encoding) {
        DlgmModel m = new DlgmModel(k == 0 ? null : FlowKind.parse(flow), k, 3, 8, 1, 0.5, 1.0, FlowOptions.defaults(), 11,
                encoding);
        m.sameDiff().getVariable("dec/logits/W").getArr().muli(0.2);
        return m;
    }

    @ParameterizedTest
    @CsvSource({"planar,0", "planar,3", "radial,2", "sylvester-orth,2", "sylvester,2", "iaf,2", "householder,3",
            "nice-perm,2", "affine-coupling,2"})
    void sameEstimatesAsTheTiledDigits(String flow, int k) {
        DlgmModel tiled = model(flow, k, DlgmModel.Encoding.PER_ROW);
        DlgmModel once = model(flow, k, DlgmModel.Encoding.ONCE_PER_DIGIT);
        for (String name : tiled.trainableNames()) {
            assertEquals(tiled.sameDiff().getVariable(name).getArr(), once.sameDiff().getVariable(name).getArr(), name);
        }
        INDArray x = ImportanceSamplerTest.digits(5, 3);
        for (int maxRows : new int[] {100, 7, 3}) {
            ImportanceSampler.Estimate[] a = new ImportanceSampler(tiled, 7, 5, maxRows).estimate(x, 2);
            ImportanceSampler.Estimate[] b = new ImportanceSampler(once, 7, 5, maxRows).estimate(x, 2);
            for (int i = 0; i < a.length; i++) {
                String what = flow + " K=" + k + ", " + maxRows + " rows per call, digit " + i;
                assertEquals(a[i].logPx(), b[i].logPx(), 1e-12 * Math.abs(a[i].logPx()), "ln p(x), " + what);
                assertEquals(a[i].negElbo(), b[i].negElbo(), 1e-12 * Math.abs(a[i].negElbo()), "-ELBO, " + what);
            }
        }
    }
}
