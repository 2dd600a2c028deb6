package org.nf4j.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Householder flow against the reflection written out in plain Java: an orthogonal map that keeps lengths. */
@org.junit.jupiter.api.extension.ExtendWith(org.nf4j.Float64.class)
class HouseholderFlowTest {

    @Test
    void isAProductOfReflections() {
        int d = 5;
        int k = 3;
        Random rng = new Random(3);
        double[] raw = StepParameters.gaussian(rng, k * d, 2.0);
        double[][] z = FlowChecks.gaussian(rng, 6, d, 1.5);
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("z", DataType.DOUBLE, -1, d);
        FlowOutput out = HouseholderFlow.global(sd, "h", d, k, raw).forward(in);
        Map<String, INDArray> res = sd.output(Map.of("z", FlowChecks.array(z)), out.z().name(), out.logDet().name());
        for (int n = 0; n < z.length; n++) {
            double[] x = z[n].clone();
            double before = norm(x);
            for (int s = 0; s < k; s++) {
                double vz = 0;
                double vv = 0;
                for (int i = 0; i < d; i++) {
                    vz += raw[s * d + i] * x[i];
                    vv += raw[s * d + i] * raw[s * d + i];
                }
                for (int i = 0; i < d; i++) {
                    x[i] -= 2 * raw[s * d + i] * vz / vv;
                }
            }
            for (int i = 0; i < d; i++) {
                assertEquals(x[i], res.get(out.z().name()).getDouble(n, i), 1e-12, "z_K of example " + n);
            }
            assertEquals(before, norm(x), 1e-12, "a reflection keeps lengths");
            assertEquals(0.0, res.get(out.logDet().name()).getDouble(n), 0.0, "volume preserving");
        }
    }

    @Test
    void oneStepSendsVToMinusVAndFixesWhatIsOrthogonalToIt() {
        double[] v = {3.0, -1.0, 2.0};
        double[][] z = {{3.0, -1.0, 2.0}, {1.0, 1.0, -1.0}, {0.5, 1.5, 0.0}};
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("z", DataType.DOUBLE, -1, 3);
        SDVariable y = HouseholderFlow.global(sd, "h", 3, 1, v).forward(in).z();
        INDArray r = sd.output(Map.of("z", FlowChecks.array(z)), y.name()).get(y.name());
        for (int i = 0; i < 3; i++) {
            assertEquals(-v[i], r.getDouble(0, i), 1e-12);
            assertEquals(z[1][i], r.getDouble(1, i), 1e-12, "v . z = 0: unchanged");
            assertEquals(z[2][i], r.getDouble(2, i), 1e-12, "v . z = 0: unchanged");
        }
    }

    @Test
    void aZeroVectorIsTheIdentityNotNaN() {
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("z", DataType.DOUBLE, -1, 3);
        SDVariable y = HouseholderFlow.global(sd, "h", 3, 1, new double[3]).forward(in).z();
        double[][] z = {{1.0, -2.0, 0.5}};
        INDArray r = sd.output(Map.of("z", FlowChecks.array(z)), y.name()).get(y.name());
        for (int i = 0; i < 3; i++) {
            assertEquals(z[0][i], r.getDouble(0, i), 0.0);
        }
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double a : x) {
            s += a * a;
        }
        return Math.sqrt(s);
    }
}
