package org.nf4j.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nf4j.Float64;
import org.nf4j.flows.FlowKind;
import org.nf4j.flows.FlowOptions;
import org.nf4j.model.DlgmModel;
import org.nf4j.targets.Targets;
import org.nf4j.toy.ToyGroupModel;
import org.nf4j.toy.ToyModel;

/**
 * The compiled step against SameDiff's own {@code calculateGradientsAndOutputs} / {@code output},
 * in float64 to 1e-12 relative, for every model nf4j trains: over several consecutive steps with
 * new inputs and parameters changed in place between them (stale bindings would show), and with an
 * {@code sd.output(...)} call between steps (evaluation during training).
 */
@ExtendWith(Float64.class)
class GraphRunnerEquivalenceTest {
    private static final double TOL = 1e-12;
    private static final int STEPS = 3;
    private static final List<String> DLGM_OUTPUTS = List.of(DlgmModel.LOSS, DlgmModel.NEG_ELBO, DlgmModel.RECONSTRUCTION,
            DlgmModel.KL, DlgmModel.LOG_DET);

    static Stream<Arguments> dlgmVariants() {
        List<Arguments> out = new ArrayList<>();
        out.add(Arguments.of(null, 0));
        for (FlowKind kind : FlowKind.values()) {
            for (int k : new int[] {1, 2, 10}) {
                out.add(Arguments.of(kind, k));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "DLGM {0} K={1}")
    @MethodSource("dlgmVariants")
    void dlgmGradientsEqualSameDiffs(FlowKind kind, int k) {
        DlgmModel model = new DlgmModel(kind, k, 5, 12, 1, 0.05, 0.1, FlowOptions.defaults(), 3);
        SameDiff sd = model.sameDiff();
        List<String> params = model.trainableNames();
        GraphRunner runner = GraphRunner.gradients(sd, DLGM_OUTPUTS, params, Executor.COMPILED);
        Random rng = new Random(11);
        for (int t = 0; t < STEPS; t++) {
            Map<String, INDArray> feed = dlgmFeed(rng, 6, 5, 0.3 + 0.3 * t);
            OutAndGrad expected = sd.calculateGradientsAndOutputs(feed, DLGM_OUTPUTS, params);
            StepResult actual = runner.run(feed);
            Equivalence.assertSameResults("step " + t + " output", expected.getOutputs(), actual.outputs(), TOL);
            Equivalence.assertSameResults("step " + t + " gradient", expected.getGradients(), actual.gradients(), TOL);
            if (t == 1) {
                sd.output(dlgmFeed(rng, 9, 5, 1.0), DlgmModel.NEG_ELBO_PER_EXAMPLE, DlgmModel.RECONSTRUCTIONS);
            }
            nudge(sd, params, rng);
        }
        assertEquals(Executor.COMPILED, runner.executor(), "no fallback: " + runner.fallbackReason().orElse(""));
    }

    @ParameterizedTest(name = "DLGM {0} K=2 forward (importance sampler, validation)")
    @MethodSource("flowKinds")
    void dlgmForwardEqualsSameDiffs(FlowKind kind) {
        DlgmModel model = new DlgmModel(kind, 2, 5, 12, 1, 0.05, 0.1, FlowOptions.defaults(), 4);
        SameDiff sd = model.sameDiff();
        List<String> outputs = List.of(DlgmModel.NEG_ELBO_PER_EXAMPLE);
        GraphRunner runner = GraphRunner.outputs(sd, outputs, Executor.COMPILED);
        Random rng = new Random(5);
        for (int t = 0; t < STEPS; t++) {
            int rows = t == 2 ? 4 : 7;  // another batch size gets its own plan
            Map<String, INDArray> feed = dlgmFeed(rng, rows, 5, 1.0);
            Map<String, INDArray> expected = sd.output(feed, outputs.toArray(new String[0]));
            Equivalence.assertSameResults("step " + t, expected, runner.run(feed).outputs(), TOL);
            nudge(sd, model.trainableNames(), rng);
        }
        assertEquals(Executor.COMPILED, runner.executor(), "no fallback: " + runner.fallbackReason().orElse(""));
    }

    static Stream<FlowKind> flowKinds() {
        return Stream.of(FlowKind.values());
    }

    @ParameterizedTest(name = "toy U1 {0} K=4")
    @MethodSource("flowKinds")
    void toyGradientsEqualSameDiffs(FlowKind kind) {
        ToyModel model = new ToyModel(Targets.byName("u1"), kind, 4, FlowOptions.defaults(), 2);
        SameDiff sd = model.sameDiff();
        List<String> params = model.trainableNames();
        List<String> outputs = List.of(model.lossName());
        GraphRunner runner = GraphRunner.gradients(sd, outputs, params, Executor.COMPILED);
        GraphRunner bound = GraphRunner.outputs(sd, List.of(model.perSampleName()), Executor.COMPILED);
        Random rng = new Random(7);
        for (int t = 0; t < STEPS; t++) {
            Map<String, INDArray> feed = Map.of("eps", randn(rng, 16, 2), "beta", Nd4j.scalar(0.2 + 0.3 * t));
            OutAndGrad expected = sd.calculateGradientsAndOutputs(feed, outputs, params);
            StepResult actual = runner.run(feed);
            Equivalence.assertSameResults("step " + t + " output", expected.getOutputs(), actual.outputs(), TOL);
            Equivalence.assertSameResults("step " + t + " gradient", expected.getGradients(), actual.gradients(), TOL);
            Map<String, INDArray> evalFeed = Map.of("eps", randn(rng, 40, 2), "beta", Nd4j.scalar(1.0));
            Equivalence.assertSameResults("step " + t + " bound", sd.output(evalFeed, model.perSampleName()),
                    bound.run(evalFeed).outputs(), TOL);
            nudge(sd, params, rng);
        }
        assertEquals(Executor.COMPILED, runner.executor(), "no fallback: " + runner.fallbackReason().orElse(""));
        assertEquals(Executor.COMPILED, bound.executor(), "no fallback: " + bound.fallbackReason().orElse(""));
    }

    @ParameterizedTest(name = "grouped toy {0} K=3, 3 targets")
    @MethodSource("flowKinds")
    void groupedToyGradientsEqualSameDiffs(FlowKind kind) {
        ToyGroupModel model = new ToyGroupModel(List.of(Targets.byName("u1"), Targets.byName("u2"), Targets.byName("u4")),
                kind, 3, FlowOptions.defaults(), 5);
        SameDiff sd = model.sameDiff();
        List<String> params = model.trainableNames();
        List<String> outputs = List.of(model.lossName(), model.perGroupName());
        GraphRunner runner = GraphRunner.gradients(sd, outputs, params, Executor.COMPILED);
        Random rng = new Random(8);
        for (int t = 0; t < STEPS; t++) {
            Map<String, INDArray> feed = model.feed(randn(rng, 10, 2), 0.5 + 0.2 * t);
            OutAndGrad expected = sd.calculateGradientsAndOutputs(feed, outputs, params);
            StepResult actual = runner.run(feed);
            Equivalence.assertSameResults("step " + t + " output", expected.getOutputs(), actual.outputs(), TOL);
            Equivalence.assertSameResults("step " + t + " gradient", expected.getGradients(), actual.gradients(), TOL);
            nudge(sd, params, rng);
        }
        assertEquals(Executor.COMPILED, runner.executor(), "no fallback: " + runner.fallbackReason().orElse(""));
    }

    @Test
    void aPlanIsMuchShorterThanItsGraphAndOnePerShape() {
        DlgmModel model = new DlgmModel(FlowKind.PLANAR, 2, 5, 12, 1, 0.05, 0.1, FlowOptions.defaults(), 3);
        GraphRunner runner = GraphRunner.gradients(model.sameDiff(), List.of(DlgmModel.LOSS), model.trainableNames(),
                Executor.COMPILED);
        Random rng = new Random(1);
        Map<String, INDArray> a = dlgmFeed(rng, 6, 5, 1.0);
        Map<String, INDArray> b = dlgmFeed(rng, 3, 5, 1.0);
        assertEquals(-1, runner.planSize(a));
        runner.run(a);
        int ops = runner.planSize(a);
        assertTrue(ops > 20 && ops < model.sameDiff().getFunction("grad").getOps().size(), "native ops per step: " + ops);
        assertEquals(-1, runner.planSize(b), "no plan yet for 3 rows");
        runner.run(b);
        assertEquals(ops, runner.planSize(b), "the same ops for another batch size");
    }

    @Test
    void intermediatesShareArraysWhereTheirLivesDoNotOverlap() {
        DlgmModel model = new DlgmModel(FlowKind.PLANAR, 10, 5, 12, 1, 0.05, 0.1, FlowOptions.defaults(), 3);
        Map<String, INDArray> feed = dlgmFeed(new Random(2), 50, 5, 1.0);
        GraphRunner forward = GraphRunner.outputs(model.sameDiff(), List.of(DlgmModel.NEG_ELBO_PER_EXAMPLE), Executor.COMPILED);
        forward.run(feed);
        long[] f = forward.planBytes(feed);
        assertTrue(f[0] * 3 < f[1] * 2, "forward plan: " + f[0] + " bytes allocated for " + f[1] + " bytes of values");
        GraphRunner step = GraphRunner.gradients(model.sameDiff(), List.of(DlgmModel.LOSS), model.trainableNames(),
                Executor.COMPILED);
        step.run(feed);
        long[] g = step.planBytes(feed);
        assertTrue(g[0] < g[1], "gradient plan: " + g[0] + " bytes allocated for " + g[1] + " bytes of values");
    }

    static Map<String, INDArray> dlgmFeed(Random rng, int rows, int latent, double beta) {
        double[] pixels = new double[rows * DlgmModel.PIXELS];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = rng.nextDouble() < 0.3 ? 1 : 0;
        }
        return Map.of("x", Nd4j.create(pixels, new long[] {rows, DlgmModel.PIXELS}, DataType.DOUBLE),
                "eps", randn(rng, rows, latent), "beta", Nd4j.scalar(beta));
    }

    static INDArray randn(Random rng, int rows, int cols) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian();
        }
        return Nd4j.create(v, new long[] {rows, cols}, DataType.DOUBLE);
    }

    /** Moves every parameter a little, in place, as an optimiser step would. */
    static void nudge(SameDiff sd, List<String> params, Random rng) {
        for (String p : params) {
            INDArray a = sd.getVariable(p).getArr();
            a.addi(randn(rng, 1, (int) a.length()).reshape(a.shape()).muli(1e-2));
        }
    }
}
