package org.nf4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nf4j.Float64;
import org.nf4j.config.TrainConfig;
import org.nf4j.data.MnistSplitData;

/** RMSprop with momentum: the formula, two independent implementations that agree, exact resume. */
@ExtendWith(Float64.class)
class RmsPropMomentumTest {

    private static SameDiff twoParameters(double a0, double a1, double b) {
        SameDiff sd = SameDiff.create();
        sd.var("a", Nd4j.createFromArray(a0, a1));
        sd.var("b", Nd4j.createFromArray(b));
        return sd;
    }

    @Test
    void followsTheFormulaStepByStep() {
        double lr = 0.1;
        RmsPropMomentum rms = new RmsPropMomentum(lr, 0.99, 0.9, 1e-8);
        SameDiff sd = twoParameters(1.0, 2.0, 3.0);
        ParameterUpdater u = new ParameterUpdater(sd, List.of("a", "b"), rms);
        // step 1 by hand: r = 0.01 g^2, so sqrt(r) = 0.1 |g| and v = g / (0.1 |g| + eps) = +-10 (to 1e-7)
        u.apply(Map.of("a", Nd4j.createFromArray(1.0, -2.0), "b", Nd4j.createFromArray(0.5)), 0, 0);
        assertEquals(1.0 - lr * 10, sd.getVariable("a").getArr().getDouble(0), 1e-6);
        assertEquals(2.0 + lr * 10, sd.getVariable("a").getArr().getDouble(1), 1e-6);
        assertEquals(3.0 - lr * 10, sd.getVariable("b").getArr().getDouble(0), 1e-6);
        // step 2 from the formula, every state value carried by hand
        double[] g1 = {1.0, -2.0, 0.5};
        double[] g2 = {0.5, 0.5, -4.0};
        double[] p = {1.0, 2.0, 3.0};
        for (int i = 0; i < 3; i++) {
            double r = 0.01 * g1[i] * g1[i];
            double v = g1[i] / (Math.sqrt(r) + 1e-8);
            p[i] -= lr * v;
            r = 0.99 * r + 0.01 * g2[i] * g2[i];
            v = 0.9 * v + g2[i] / (Math.sqrt(r) + 1e-8);
            p[i] -= lr * v;
        }
        u.apply(Map.of("a", Nd4j.createFromArray(0.5, 0.5), "b", Nd4j.createFromArray(-4.0)), 1, 0);
        assertEquals(p[0], sd.getVariable("a").getArr().getDouble(0), 1e-12);
        assertEquals(p[1], sd.getVariable("a").getArr().getDouble(1), 1e-12);
        assertEquals(p[2], sd.getVariable("b").getArr().getDouble(0), 1e-12);
    }

    @Test
    void javaLoopEqualsTheNd4jUpdaterOverManySteps() {
        RmsPropMomentum rms = new RmsPropMomentum(0.01, 0.9, 0.8, 1e-6);
        SameDiff sd = SameDiff.create();
        sd.var("w", Nd4j.rand(DataType.DOUBLE, 3, 4));
        INDArray viaNd4j = sd.getVariable("w").getArr().dup();
        ParameterUpdater java = new ParameterUpdater(sd, List.of("w"), rms);
        INDArray state = Nd4j.zeros(DataType.DOUBLE, 1, rms.stateSize(12));
        GradientUpdater<?> nd4j = rms.clone().instantiate(state, true);
        Random rng = new Random(4);
        for (int t = 0; t < 6; t++) {
            INDArray g = Nd4j.create(new double[12], new long[] {3, 4}, DataType.DOUBLE);
            for (int i = 0; i < 12; i++) {
                g.putScalar(i, rng.nextGaussian());
            }
            INDArray update = g.dup();
            nd4j.applyUpdater(update, t, 0);
            viaNd4j.subi(update);
            java.apply(Map.of("w", g.dup()), t, 0);
        }
        INDArray w = sd.getVariable("w").getArr();
        assertEquals(0.0, w.sub(viaNd4j).amaxNumber().doubleValue(), 1e-12);
        assertEquals(0.0, java.state().reshape(state.shape()).sub(state).amaxNumber().doubleValue(), 1e-12,
                "the same state layout: r, then v");
        assertTrue(state.amaxNumber().doubleValue() > 0.1, "the state moved");
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RmsPropMomentum(0.1, 1.0, 0.9, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new RmsPropMomentum(0.1, 0.99, -0.1, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.DEFAULTS.with("momentum", "1"));
    }

    @Test
    void aDlgmRunWithItResumesExactly(@TempDir Path dir) throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        MnistSplitData train = org.nf4j.eval.TestDigits.split(90, 3);
        MnistSplitData validation = org.nf4j.eval.TestDigits.split(40, 4);
        TrainConfig c = DlgmTrainerTest.config(24, 1e-3).with("optimizer", "rmsprop-momentum");
        DlgmTrainer.Result straight = new DlgmTrainer(c, dir.resolve("a"), dir.resolve("la"), quiet).run(train, validation, LoopSettings.Resume.NEVER);
        new DlgmTrainer(c.with("steps", "12"), dir.resolve("b"), dir.resolve("lb"), quiet).run(train, validation, LoopSettings.Resume.NEVER);
        DlgmTrainer.Result resumed = new DlgmTrainer(c, dir.resolve("b"), dir.resolve("lb"), quiet).run(train, validation, LoopSettings.Resume.REQUIRED);
        assertEquals(24, resumed.steps());
        for (String p : straight.params().keySet()) {
            assertEquals(0.0, straight.params().get(p).sub(resumed.params().get(p)).amaxNumber().doubleValue(), 0.0, p);
        }
        DlgmTrainer.Result adam = new DlgmTrainer(c.with("optimizer", "adam"), dir.resolve("c"), dir.resolve("lc"), quiet)
                .run(train, validation, LoopSettings.Resume.NEVER);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DlgmTrainer(c.with("steps", "30")
                .with("optimizer", "adam"), dir.resolve("b"), dir.resolve("lb"), quiet).run(train, validation, LoopSettings.Resume.REQUIRED));
        assertTrue(e.getMessage().contains("optimizer rmsprop-momentum -> adam"), e.getMessage());
        String any = straight.params().keySet().iterator().next();
        assertTrue(straight.params().get(any).sub(adam.params().get(any)).amaxNumber().doubleValue() > 0,
                "RMSprop with momentum is not Adam");
    }
}
