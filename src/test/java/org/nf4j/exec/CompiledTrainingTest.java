package org.nf4j.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nf4j.Float64;
import org.nf4j.config.TrainConfig;
import org.nf4j.data.MnistSplitData;
import org.nf4j.eval.TestDigits;
import org.nf4j.flows.FlowKind;
import org.nf4j.flows.FlowOptions;
import org.nf4j.targets.Targets;
import org.nf4j.toy.ToyConfig;
import org.nf4j.toy.ToyModel;
import org.nf4j.toy.ToyTraining;
import org.nf4j.train.DlgmTrainer;
import org.nf4j.train.LoopSettings;

/**
 * 200 training updates with the compiled executor end with the parameters SameDiff's path ends
 * with (float64, 1e-10), for the DLGM (with validation passes between updates) and the 2-D model;
 * and a compiled run interrupted and resumed ends exactly where an uninterrupted one does.
 */
@ExtendWith(Float64.class)
class CompiledTrainingTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    private static TrainConfig dlgm(long steps, Executor e) {
        return TrainConfig.DEFAULTS.with("flow", "planar").with("k", "3").with("latent", "4").with("hidden", "24")
                .with("batch", "20").with("steps", Long.toString(steps)).with("lr", "3e-3").with("checkpoint-every", "60")
                .with("validate-every", "50").with("keep-checkpoints", "5").with("executor", e.key());
    }

    private static double[] values(Map<String, INDArray> params) {
        return params.keySet().stream().sorted()
                .flatMapToDouble(n -> Arrays.stream(params.get(n).dup().data().asDouble())).toArray();
    }

    @Test
    void dlgmTrainingEqualsSameDiffsAndResumesExactly(@TempDir Path dir) throws Exception {
        MnistSplitData train = TestDigits.split(240, 1);
        MnistSplitData validation = TestDigits.split(60, 2);
        DlgmTrainer.Result compiled = new DlgmTrainer(dlgm(200, Executor.COMPILED), dir.resolve("c"), dir.resolve("lc"), QUIET)
                .run(train, validation, LoopSettings.Resume.NEVER);
        DlgmTrainer.Result samediff = new DlgmTrainer(dlgm(200, Executor.SAMEDIFF), dir.resolve("s"), dir.resolve("ls"), QUIET)
                .run(train, validation, LoopSettings.Resume.NEVER);
        double[] a = values(compiled.params());
        double[] b = values(samediff.params());
        assertArrayEquals(b, a, 1e-10);
        assertTrue(Math.abs(compiled.validationNegElbo() - samediff.validationNegElbo()) < 1e-9,
                compiled.validationNegElbo() + " vs " + samediff.validationNegElbo());
        double[] initial = values(new DlgmTrainer(dlgm(1, Executor.SAMEDIFF).with("lr", "1e-300"), dir.resolve("i"),
                dir.resolve("li"), QUIET).run(train, validation, LoopSettings.Resume.NEVER).params());
        double moved = 0;
        for (int i = 0; i < a.length; i++) {
            moved = Math.max(moved, Math.abs(a[i] - initial[i]));
        }
        assertTrue(moved > 1e-2, "training moved the parameters by " + moved);

        new DlgmTrainer(dlgm(120, Executor.COMPILED), dir.resolve("r"), dir.resolve("lr"), QUIET).run(train, validation, LoopSettings.Resume.NEVER);
        DlgmTrainer.Result resumed = new DlgmTrainer(dlgm(200, Executor.COMPILED), dir.resolve("r"), dir.resolve("lr"), QUIET)
                .run(train, validation, LoopSettings.Resume.REQUIRED);
        assertArrayEquals(a, values(resumed.params()), 0.0, "resumed at 120 == uninterrupted, bit for bit");
    }

    private static ToyConfig toy(int steps, Executor e) {
        return ToyConfig.defaults("u1", FlowKind.PLANAR, 4).with(Map.of("steps", String.valueOf(steps), "batch", "64",
                "learning-rate", "1e-2", "lr-decay-steps", String.valueOf(steps), "anneal-steps", "100", "seed", "3",
                "eval-samples", "10000", "picture-samples", "0", "executor", e.key()));
    }

    private static double[] parameters(ToyModel m) {
        return m.trainableNames().stream()
                .flatMapToDouble(n -> Arrays.stream(m.sameDiff().getVariable(n).getArr().dup().data().asDouble())).toArray();
    }

    @Test
    void toyTrainingEqualsSameDiffs() throws Exception {
        double[][] ends = new double[2][];
        for (Executor e : Executor.values()) {
            ToyModel m = new ToyModel(Targets.byName("u1"), FlowKind.PLANAR, 4, FlowOptions.defaults(), 3);
            ToyTraining.train(m, toy(200, e), List.of(), null, QUIET);
            ends[e.ordinal()] = parameters(m);
        }
        assertArrayEquals(ends[Executor.SAMEDIFF.ordinal()], ends[Executor.COMPILED.ordinal()], 1e-10);
        double[] initial = parameters(new ToyModel(Targets.byName("u1"), FlowKind.PLANAR, 4, FlowOptions.defaults(), 3));
        assertTrue(Math.abs(ends[0][0] - initial[0]) + Math.abs(ends[0][ends[0].length - 1] - initial[initial.length - 1]) > 1e-3,
                "training moved the parameters");
    }
}
