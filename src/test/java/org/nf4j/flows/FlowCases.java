package org.nf4j.flows;

import java.util.List;
import java.util.Random;

/** Every flow and variant the library has, as contract-test cases. */
final class FlowCases {
    static final int STEPS = 3;
    private static final int[] HIDDEN = {16, 16};

    private FlowCases() {
    }

    static List<FlowCase> all() {
        return List.of(
                FlowCase.global("planar-global", (sd, d, raw, seed, scale) -> PlanarFlow.global(sd, "planar", d, STEPS,
                        StepParameters.gaussian(new Random(seed), STEPS * PlanarFlow.paramsPerStep(d), scale))),
                new FlowCase("planar-amortised", d -> STEPS * PlanarFlow.paramsPerStep(d),
                        (sd, d, raw, seed, scale) -> PlanarFlow.amortised(sd, "planar", d, STEPS, raw)),
                FlowCase.global("planar-global-k1", (sd, d, raw, seed, scale) -> PlanarFlow.global(sd, "planar", d, 1,
                        StepParameters.gaussian(new Random(seed), PlanarFlow.paramsPerStep(d), scale))),
                new FlowCase("planar-amortised-centred", d -> STEPS * PlanarFlow.paramsPerStep(d),
                        (sd, d, raw, seed, scale) -> PlanarFlow.amortised(sd, "planar", d, STEPS, raw, true)),
                new FlowCase("planar-amortised-k1", d -> PlanarFlow.paramsPerStep(d),
                        (sd, d, raw, seed, scale) -> PlanarFlow.amortised(sd, "planar", d, 1, raw)),
                FlowCase.global("radial-global-k1", (sd, d, raw, seed, scale) -> RadialFlow.global(sd, "radial", d, 1,
                        StepParameters.gaussian(new Random(seed), RadialFlow.paramsPerStep(d), scale))),
                new FlowCase("radial-amortised-k1", d -> RadialFlow.paramsPerStep(d),
                        (sd, d, raw, seed, scale) -> RadialFlow.amortised(sd, "radial", d, 1, raw)),
                FlowCase.global("radial-global", (sd, d, raw, seed, scale) -> RadialFlow.global(sd, "radial", d, STEPS,
                        StepParameters.gaussian(new Random(seed), STEPS * RadialFlow.paramsPerStep(d), scale))),
                new FlowCase("radial-amortised", d -> STEPS * RadialFlow.paramsPerStep(d),
                        (sd, d, raw, seed, scale) -> RadialFlow.amortised(sd, "radial", d, STEPS, raw)),
                FlowCase.global("nice-perm", (sd, d, raw, seed, scale) -> NiceFlow.build(sd, "nice", d, STEPS,
                        NiceFlow.Mixing.PERMUTATION, HIDDEN, gain(scale), false, new Random(seed))),
                FlowCase.global("nice-orth", (sd, d, raw, seed, scale) -> NiceFlow.build(sd, "nice", d, STEPS,
                        NiceFlow.Mixing.ORTHOGONAL, HIDDEN, gain(scale), false, new Random(seed))),
                FlowCase.global("nice-orth-k1", (sd, d, raw, seed, scale) -> NiceFlow.build(sd, "nice", d, 1,
                        NiceFlow.Mixing.ORTHOGONAL, HIDDEN, gain(scale), false, new Random(seed))),
                FlowCase.global("nice-coupling-steps", (sd, d, raw, seed, scale) -> new FlowSequence(List.of(
                        FixedLinear.permutation(sd, "p0", d, new Random(seed)),
                        new NiceCoupling(sd, "c0", d, 0, HIDDEN, gain(scale), new Random(seed + 1)),
                        FixedLinear.orthogonal(sd, "p1", d, new Random(seed + 2)),
                        new NiceCoupling(sd, "c1", d, 1, HIDDEN, gain(scale), new Random(seed + 3))))),
                FlowCase.global("nice-perm-scaled", (sd, d, raw, seed, scale) -> new FlowSequence(List.of(
                        NiceFlow.build(sd, "nice", d, STEPS, NiceFlow.Mixing.PERMUTATION, HIDDEN, gain(scale), false,
                                new Random(seed)),
                        new DiagonalScaling(sd, "scale", StepParameters.gaussian(new Random(seed + 1), d, scale))))),
                FlowCase.global("circular", (sd, d, raw, seed, scale) -> new FlowSequence(List.of(
                        new CircularConvolution(sd, "conv0", kernel(new Random(seed), d, scale)),
                        new CircularConvolution(sd, "conv1", kernel(new Random(seed + 1), d, scale))))),
                FlowCase.global("householder-global", (sd, d, raw, seed, scale) -> HouseholderFlow.global(sd, "hh", d, STEPS,
                        StepParameters.gaussian(new Random(seed), STEPS * d, scale))),
                FlowCase.global("householder-global-k1", (sd, d, raw, seed, scale) -> HouseholderFlow.global(sd, "hh", d, 1,
                        StepParameters.gaussian(new Random(seed), d, scale))),
                new FlowCase("householder-amortised", d -> STEPS * HouseholderFlow.paramsPerStep(d),
                        (sd, d, raw, seed, scale) -> HouseholderFlow.amortised(sd, "hh", d, STEPS, raw)),
                new FlowCase("householder-amortised-k1", d -> HouseholderFlow.paramsPerStep(d),
                        (sd, d, raw, seed, scale) -> HouseholderFlow.amortised(sd, "hh", d, 1, raw)),
                FlowCase.global("circular-block", (sd, d, raw, seed, scale) -> new CircularConvolution(sd, "conv",
                        new double[][] {kernel(new Random(seed), d, scale), kernel(new Random(seed + 1), d, scale),
                                        kernel(new Random(seed + 2), d, scale)})));
    }

    /**
     * The weight gain of NICE's ReLU shift networks at a raw-parameter scale: the cube root, because
     * the gain compounds over three layers and three couplings (gain 4 would amplify by 4^9 and make
     * the Jacobian so ill-conditioned that no finite difference resolves 1e-6 in its log-det).
     */
    private static double gain(double scale) {
        return Math.cbrt(scale);
    }

    /** A random kernel: identity plus noise at scale 1, a plain Gaussian kernel at larger scales. */
    private static double[] kernel(Random rng, int d, double scale) {
        double[] w = StepParameters.gaussian(rng, d, scale <= 1 ? 0.3 : scale);
        if (scale <= 1) {
            w[0] += 1.0;
        }
        return w;
    }
}
