package org.nf4j.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nf4j.flows.SylvesterFlow.Variant;

/**
 * Sylvester flows against their formula in plain Java (Q built from its reflections, or the
 * alternating permutations), Q with orthonormal columns for any raw values, and invertible for any
 * raw values.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.nf4j.Float64.class)
class SylvesterFlowTest {

    static List<Arguments> variants() {
        return List.of(Arguments.of(Variant.triangular(), 3), Arguments.of(Variant.orthogonal(2), 4),
                Arguments.of(Variant.orthogonal(1), 3), Arguments.of(Variant.orthogonal(3), 3),
                Arguments.of(Variant.householder(3), 3), Arguments.of(Variant.householder(2), 5));
    }

    @ParameterizedTest(name = "{0} d={1}")
    @MethodSource("variants")
    void matchesTheFormula(Variant variant, int d) {
        int k = 2;
        int rows = 4;
        Random rng = new Random(5);
        double[][] raw = FlowChecks.gaussian(rng, rows, k * variant.paramsPerStep(d), 0.8);
        double[][] z = FlowChecks.gaussian(rng, rows, d, 1.0);
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("z", DataType.DOUBLE, -1, d);
        FlowOutput global = SylvesterFlow.global(sd, "g", variant, d, k, raw[0]).forward(in);
        FlowOutput amortised = SylvesterFlow.amortised(sd, "a", variant, d, k, sd.constant(FlowChecks.array(raw)))
                .forward(in);
        Map<String, INDArray> res = sd.output(Map.of("z", FlowChecks.array(z)), global.z().name(), global.logDet().name(),
                amortised.z().name(), amortised.logDet().name());
        for (int n = 0; n < rows; n++) {
            double[] logDet = new double[1];
            double[] expected = reference(raw[n], variant, d, k, z[n], logDet);
            double[] sharedLogDet = new double[1];
            double[] shared = reference(raw[0], variant, d, k, z[n], sharedLogDet);
            for (int i = 0; i < d; i++) {
                assertEquals(expected[i], res.get(amortised.z().name()).getDouble(n, i), 1e-12, "amortised z_K of example " + n);
                assertEquals(shared[i], res.get(global.z().name()).getDouble(n, i), 1e-12, "global z_K of example " + n);
            }
            assertEquals(logDet[0], res.get(amortised.logDet().name()).getDouble(n), 1e-12, "amortised log|det| " + n);
            assertEquals(sharedLogDet[0], res.get(global.logDet().name()).getDouble(n), 1e-12, "global log|det| " + n);
        }
    }

    /** f_K o ... o f_1 (z) from the formula, adding the log-determinants to {@code logDet[0]}. */
    private static double[] reference(double[] raw, Variant variant, int d, int steps, double[] z, double[] logDet) {
        int m = variant.columns(d);
        double[] x = z.clone();
        for (int s = 0; s < steps; s++) {
            int o = s * variant.paramsPerStep(d);
            double[][] r = new double[m][m];
            double[][] t = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    r[i][j] = i == j ? Math.tanh(raw[o + i * m + j]) : raw[o + i * m + j];
                    t[i][j] = i == j ? Math.tanh(raw[o + m * m + i * m + j]) : raw[o + m * m + i * m + j];
                }
            }
            double[][] q = q(raw, o + 2 * m * m + m, variant, d, s);
            double[] h = new double[m];
            for (int i = 0; i < m; i++) {
                double a = raw[o + 2 * m * m + i];
                for (int j = 0; j < m; j++) {
                    for (int l = 0; l < d; l++) {
                        a += t[i][j] * q[l][j] * x[l];
                    }
                }
                h[i] = Math.tanh(a);
                logDet[0] += Math.log(Math.abs(1 + (1 - h[i] * h[i]) * r[i][i] * t[i][i]));
            }
            double[] next = x.clone();
            for (int l = 0; l < d; l++) {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        next[l] += q[l][i] * r[i][j] * h[j];
                    }
                }
            }
            x = next;
        }
        return x;
    }

    /**
     * Q [d][M] of step s: I or the reversal (triangular, even / odd steps), else H_1 ... H_n applied to
     * the first M columns of I, with the reflection vectors at {@code raw[from ...]}.
     */
    private static double[][] q(double[] raw, int from, Variant variant, int d, int s) {
        int m = variant.columns(d);
        double[][] q = new double[d][m];
        for (int i = 0; i < m; i++) {
            q[variant.type() == SylvesterFlow.Type.TRIANGULAR && s % 2 == 1 ? d - 1 - i : i][i] = 1.0;
        }
        for (int j = variant.reflections() - 1; j >= 0; j--) {
            double vv = 0;
            for (int l = 0; l < d; l++) {
                vv += raw[from + j * d + l] * raw[from + j * d + l];
            }
            for (int c = 0; c < m; c++) {
                double vq = 0;
                for (int l = 0; l < d; l++) {
                    vq += raw[from + j * d + l] * q[l][c];
                }
                for (int l = 0; l < d; l++) {
                    q[l][c] -= 2 * raw[from + j * d + l] * vq / vv;
                }
            }
        }
        return q;
    }

    static List<Arguments> orthogonalisedVariants() {
        List<Arguments> args = new java.util.ArrayList<>();
        for (double scale : new double[] {1.0, 30.0}) {
            args.add(Arguments.of(Variant.orthogonal(3), 5, scale));
            args.add(Arguments.of(Variant.orthogonal(20), 40, scale));
            args.add(Arguments.of(Variant.householder(4), 5, scale));
            args.add(Arguments.of(Variant.householder(8), 40, scale));
        }
        return args;
    }

    /**
     * Q^T Q = I to 1e-10 as the graph applies Q, for raw values of any size: shared (global) Q, and per
     * example (amortised; each example's raw row repeated M times, row r applying Q to e_{r mod M}).
     */
    @ParameterizedTest(name = "{0} d={1} scale={2}")
    @MethodSource("orthogonalisedVariants")
    void qHasOrthonormalColumnsForAnyRawValues(Variant variant, int d, double scale) {
        int m = variant.columns(d);
        int examples = 3;
        int steps = 2;
        Random rng = new Random(7);
        double[][] raw = FlowChecks.gaussian(rng, examples, steps * variant.paramsPerStep(d), scale);
        double[][] repeated = new double[examples * m][];
        double[][] unit = new double[examples * m][m];
        for (int r = 0; r < examples * m; r++) {
            repeated[r] = raw[r / m];
            unit[r][r % m] = 1.0;
        }
        SameDiff sd = SameDiff.create();
        SDVariable e = sd.constant(FlowChecks.array(unit));
        SylvesterFlow global = SylvesterFlow.global(sd, "g", variant, d, steps, raw[0]);
        SylvesterFlow amortised = SylvesterFlow.amortised(sd, "a", variant, d, steps, sd.constant(FlowChecks.array(repeated)));
        for (int k = 0; k < steps; k++) {
            SDVariable qShared = global.fromBasis(sd.constant(FlowChecks.array(java.util.Arrays.copyOf(unit, m))), k);
            SDVariable qPerExample = amortised.fromBasis(e, k);
            Map<String, INDArray> res = sd.output(Map.of(), qShared.name(), qPerExample.name());
            assertOrthonormalRows(res.get(qShared.name()), 0, m, variant + " global step " + k);
            for (int n = 0; n < examples; n++) {
                assertOrthonormalRows(res.get(qPerExample.name()), n * m, m, variant + " example " + n + " step " + k);
            }
        }
    }

    /** Rows [from, from + m) of {@code a} (Q's columns) are orthonormal to 1e-10. */
    private static void assertOrthonormalRows(INDArray a, int from, int m, String what) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double dot = a.getRow(from + i).mul(a.getRow(from + j)).sumNumber().doubleValue();
                assertEquals(i == j ? 1.0 : 0.0, dot, 1e-10, what + ": q_" + i + " . q_" + j);
            }
        }
    }

    static List<Variant> allVariants() {
        return List.of(Variant.triangular(), Variant.orthogonal(3), Variant.householder(4));
    }

    @ParameterizedTest
    @MethodSource("allVariants")
    void everyFactorIsPositiveForAnyRawValues(Variant variant) {
        int d = 5;
        Random rng = new Random(9);
        double[] raw = StepParameters.gaussian(rng, 3 * variant.paramsPerStep(d), 50.0);
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.placeHolder("z", DataType.DOUBLE, -1, d);
        FlowOutput out = SylvesterFlow.global(sd, "s", variant, d, 3, raw).forward(in);
        INDArray logDet = sd.output(Map.of("z", FlowChecks.array(FlowChecks.gaussian(rng, 50, d, 3.0))), out.logDet().name())
                .get(out.logDet().name());
        for (int n = 0; n < 50; n++) {
            assertTrue(Double.isFinite(logDet.getDouble(n)), "log|det| finite: every 1 + h' R_ii R~_ii > 0");
        }
    }

    @Test
    void aVariantNeedsAPositiveSizeAndAtMostDColumns() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Variant.orthogonal(0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SylvesterFlow.global(SameDiff.create(), "s", Variant.orthogonal(4), 3, 1, new Random(1)));
    }
}
