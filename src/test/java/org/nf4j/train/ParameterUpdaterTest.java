package org.nf4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.config.Adam;

class ParameterUpdaterTest {

    private static SameDiff graph() {
        SameDiff sd = SameDiff.create();
        sd.var("a", Nd4j.createFromArray(new double[][] {{1.0, -2.0}}));
        sd.var("b", Nd4j.createFromArray(new double[] {0.5}));
        return sd;
    }

    private static Map<String, INDArray> grads(double ga0, double ga1, double gb) {
        Map<String, INDArray> g = new HashMap<>();
        g.put("a", Nd4j.createFromArray(new double[][] {{ga0, ga1}}));
        g.put("b", Nd4j.createFromArray(new double[] {gb}));
        return g;
    }

    @Test
    void twoAdamStepsMatchTheFormula() {
        SameDiff sd = graph();
        ParameterUpdater u = new ParameterUpdater(sd, List.of("a", "b"), new Adam(0.1, 0.9, 0.999, 1e-8));
        double[][] gs = {{0.3, -1.0, 2.0}, {0.1, 0.4, -1.0}};
        double[] p = {1.0, -2.0, 0.5};
        double[] m = new double[3];
        double[] v = new double[3];
        for (int t = 0; t < 2; t++) {
            double norm = u.apply(grads(gs[t][0], gs[t][1], gs[t][2]), t, 0);
            assertEquals(Math.sqrt(gs[t][0] * gs[t][0] + gs[t][1] * gs[t][1] + gs[t][2] * gs[t][2]), norm, 1e-12);
            for (int i = 0; i < 3; i++) {
                m[i] = 0.9 * m[i] + 0.1 * gs[t][i];
                v[i] = 0.999 * v[i] + 0.001 * gs[t][i] * gs[t][i];
                double alpha = 0.1 * Math.sqrt(1 - Math.pow(0.999, t + 1)) / (1 - Math.pow(0.9, t + 1));
                p[i] -= alpha * m[i] / (Math.sqrt(v[i]) + 1e-8);
            }
        }
        assertEquals(p[0], sd.getVariable("a").getArr().getDouble(0, 0), 1e-6);
        assertEquals(p[1], sd.getVariable("a").getArr().getDouble(0, 1), 1e-6);
        assertEquals(p[2], sd.getVariable("b").getArr().getDouble(0), 1e-6);
    }

    /** A gradient of norm 5 clipped at 1 enters Adam as a fifth of itself (eps = 1 makes the step depend on its size). */
    @Test
    void clippedGradientEntersAdamScaled() {
        SameDiff sd = graph();
        ParameterUpdater u = new ParameterUpdater(sd, List.of("a", "b"), new Adam(0.1, 0.9, 0.999, 1.0));
        assertEquals(5.0, u.apply(grads(3, 4, 0), 0, 1.0), 1e-12);
        double alpha = 0.1 * Math.sqrt(1 - 0.999) / (1 - 0.9);
        double[] g = {0.6, 0.8};
        double[] p = {1.0, -2.0};
        for (int i = 0; i < 2; i++) {
            p[i] -= alpha * 0.1 * g[i] / (Math.sqrt(0.001 * g[i] * g[i]) + 1.0);
        }
        assertEquals(p[0], sd.getVariable("a").getArr().getDouble(0, 0), 1e-12);
        assertEquals(p[1], sd.getVariable("a").getArr().getDouble(0, 1), 1e-12);
        assertEquals(0.5, sd.getVariable("b").getArr().getDouble(0), 1e-12);
    }

    @Test
    void nonFiniteGradientsChangeNothing() {
        SameDiff sd = graph();
        ParameterUpdater u = new ParameterUpdater(sd, List.of("a", "b"), new Adam(0.1));
        double norm = u.apply(grads(Double.NaN, 1, 1), 0, 10);
        assertEquals(Double.NaN, norm);
        assertEquals(1.0, sd.getVariable("a").getArr().getDouble(0, 0));
        assertEquals(0.0, u.state().sumNumber().doubleValue());
        assertEquals(DataType.DOUBLE, u.state().dataType());
    }

    @Test
    void float32AdamKeepsNd4jStateLayoutAndAcceptsColumnMajorGradients() {
        SameDiff sd = SameDiff.create();
        sd.var("w", Nd4j.createFromArray(new float[][] {{1f, 2f}, {3f, 4f}}));
        ParameterUpdater u = new ParameterUpdater(sd, List.of("w"), new Adam(0.1, 0.9, 0.999, 1e-8));
        INDArray g = Nd4j.createFromArray(new float[][] {{0.5f, -1f}, {2f, 0.25f}});
        Map<String, INDArray> grads = new HashMap<>();
        grads.put("w", g.dup('f'));
        u.apply(grads, 0, 0);
        float[] flat = {0.5f, -1f, 2f, 0.25f};
        for (int i = 0; i < 4; i++) {
            double m = 0.1 * flat[i];
            double v = 0.001 * flat[i] * flat[i];
            double alpha = 0.1 * Math.sqrt(1 - 0.999) / (1 - 0.9);
            assertEquals(m, u.state().getDouble(i), 1e-5 * Math.abs(m), "m (float32)");
            assertEquals(v, u.state().getDouble(4 + i), 1e-4 * v, "v (float32: 1 - beta2 is rounded)");
            assertEquals(1 + i - alpha * m / (Math.sqrt(v) + 1e-8), sd.getVariable("w").getArr().getDouble(i / 2, i % 2), 1e-6);
        }
        assertEquals(DataType.FLOAT, sd.getVariable("w").getArr().dataType());
    }

    /** Checkpoints written before Adam ran in Java hold ND4J's layout: the state must stay interchangeable. */
    @Test
    void adamStateAndParametersMatchNd4jsOwnUpdater() {
        SameDiff sd = SameDiff.create();
        INDArray start = Nd4j.createFromArray(new float[][] {{0.3f, -0.7f, 1.1f}, {2f, -0.1f, 0.05f}});
        sd.var("w", start.dup());
        Adam adam = new Adam(0.01);
        ParameterUpdater u = new ParameterUpdater(sd, List.of("w"), adam);
        INDArray nd4jState = Nd4j.zeros(DataType.FLOAT, 1, 12);
        org.nd4j.linalg.learning.GradientUpdater<?> reference = adam.instantiate(nd4jState, true);
        INDArray nd4jParam = start.dup();
        for (int t = 0; t < 3; t++) {
            INDArray g = Nd4j.createFromArray(new float[][] {{0.5f, -1f, 2f}, {0.25f, 3f, -0.5f}}).muli(t + 1);
            Map<String, INDArray> grads = new HashMap<>();
            grads.put("w", g.dup());
            u.apply(grads, t, 0);
            INDArray update = g.dup();
            reference.applyUpdater(update, t, 0);
            nd4jParam.subi(update);
        }
        for (int i = 0; i < 12; i++) {
            assertEquals(nd4jState.getDouble(0, i), u.state().getDouble(i), 1e-5 * Math.abs(nd4jState.getDouble(0, i)) + 1e-9, "state " + i);
        }
        for (int i = 0; i < 6; i++) {
            assertEquals(nd4jParam.getDouble(i / 3, i % 3), sd.getVariable("w").getArr().getDouble(i / 3, i % 3), 1e-6, "w " + i);
        }
    }

    /** Group i of a grouped variable: rows [i * a, (i + 1) * a) of axis 0. */
    private static Map<String, INDArray> part(Map<String, INDArray> m, int i) {
        Map<String, INDArray> r = new HashMap<>();
        r.put("w", m.get("w").get(NDArrayIndex.interval(2 * i, 2 * i + 2)).dup());
        r.put("c", m.get("c").get(NDArrayIndex.interval(i, i + 1)).dup());
        return r;
    }

    private static SameDiff groupedGraph(INDArray w, INDArray c) {
        SameDiff sd = SameDiff.create();
        sd.var("w", w.dup());
        sd.var("c", c.dup());
        return sd;
    }

    /**
     * Two models stacked along axis 0 and updated together, each group's norm clipped on its own:
     * every update equals updating each model alone (one of them is clipped, the other not).
     */
    @ParameterizedTest
    @ValueSource(strings = {"adam", "sgd"})
    void groupsAreClippedAndUpdatedAsSeparateModels(String updater) {
        IUpdater config = updater.equals("adam") ? new Adam(0.05)
                : new Sgd(0.05);
        INDArray w = Nd4j.createFromArray(new double[][][] {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}, {{-1, 0}, {2, 1}}, {{0, 3}, {1, 1}}});
        INDArray c = Nd4j.createFromArray(new double[][] {{0.5, 1}, {-0.5, 2}});
        SameDiff together = groupedGraph(w, c);
        ParameterUpdater both = new ParameterUpdater(together, List.of("w", "c"), config);
        SameDiff[] alone = new SameDiff[2];
        ParameterUpdater[] each = new ParameterUpdater[2];
        Map<String, INDArray> init = Map.of("w", w, "c", c);
        for (int i = 0; i < 2; i++) {
            Map<String, INDArray> p = part(init, i);
            alone[i] = groupedGraph(p.get("w"), p.get("c"));
            each[i] = new ParameterUpdater(alone[i], List.of("w", "c"), config);
        }
        for (int t = 0; t < 4; t++) {
            Map<String, INDArray> g = new HashMap<>();
            // group 0's gradient is large (clipped at 1), group 1's small (not clipped)
            g.put("w", Nd4j.rand(DataType.DOUBLE, 4, 2, 2).muli(Nd4j.createFromArray(new double[] {5, 5, 0.1, 0.1})
                    .reshape(4, 1, 1)));
            g.put("c", Nd4j.rand(DataType.DOUBLE, 2, 2).muli(Nd4j.createFromArray(new double[] {5, 0.1}).reshape(2, 1)));
            double[] expected = new double[2];
            for (int i = 0; i < 2; i++) {
                expected[i] = each[i].apply(part(g, i), t, 1.0);
            }
            double[] norms = both.apply(g, t, 1.0, 2);
            assertEquals(expected[0], norms[0], 1e-12);
            assertEquals(expected[1], norms[1], 1e-12);
            assertTrue(norms[0] > 1 && norms[1] < 1, "one group clipped, one not");
            Map<String, INDArray> now = Map.of("w", together.getVariable("w").getArr(), "c", together.getVariable("c").getArr());
            for (int i = 0; i < 2; i++) {
                Map<String, INDArray> p = part(now, i);
                for (String n : List.of("w", "c")) {
                    assertTrue(
                            alone[i].getVariable(n).getArr().equalsWithEps(p.get(n).reshape(alone[i].getVariable(n).getArr().shape()), 1e-12),
                            updater + " update " + t + ", group " + i + ", " + n);
                }
            }
        }
    }
}
