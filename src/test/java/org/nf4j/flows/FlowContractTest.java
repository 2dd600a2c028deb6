package org.nf4j.flows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.buffer.DataType;
import org.opentest4j.AssertionFailedError;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The contract every flow satisfies, in float64, for d = 2, 5 and 40, with ordinary and
 * deliberately extreme raw parameters (scale 1 and 4).
 */
@org.junit.jupiter.api.extension.ExtendWith(org.nf4j.Float64.class)
class FlowContractTest {

    static List<Arguments> cases() {
        List<Arguments> args = new ArrayList<>();
        for (FlowCase c : FlowCases.all()) {
            for (int d : new int[] {2, 5, 40}) {
                for (double scale : new double[] {1.0, 4.0}) {
                    args.add(Arguments.of(c, d, scale));
                }
            }
        }
        return args;
    }

    @ParameterizedTest(name = "{0} d={1} scale={2}")
    @MethodSource("cases")
    void logDetMatchesNumericalJacobian(FlowCase c, int dim, double scale) {
        new FlowChecks(c, dim, 42 + dim, scale).logDetMatchesJacobian();
    }

    /** The cases whose flow has a closed-form inverse (planar has none): only those are generated. */
    static List<Arguments> invertibleCases() {
        List<Arguments> args = new ArrayList<>();
        for (Arguments a : cases()) {
            if (hasInverse((FlowCase) a.get()[0], (Integer) a.get()[1])) {
                args.add(a);
            }
        }
        return args;
    }

    @ParameterizedTest(name = "{0} d={1} scale={2}")
    @MethodSource("invertibleCases")
    void inverseRoundTrips(FlowCase c, int dim, double scale) {
        new FlowChecks(c, dim, 7 + dim, scale).inverseRoundTrips();
    }

    @ParameterizedTest(name = "{0} d={1} scale={2}")
    @MethodSource("cases")
    void gradientsMatchFiniteDifferences(FlowCase c, int dim, double scale) {
        new FlowChecks(c, dim, 99 + dim, scale).gradientsMatchFiniteDifferences();
    }

    private static boolean hasInverse(FlowCase c, int dim) {
        org.nd4j.autodiff.samediff.SameDiff sd = org.nd4j.autodiff.samediff.SameDiff.create();
        SDVariable raw = c.amortised() ? sd.placeHolder("raw", DataType.DOUBLE, -1, c.amortisedSize().of(dim)) : null;
        return c.builder().build(sd, dim, raw, 1, 1.0).hasInverse();
    }

    /** Check 5: a flow whose log-det is off by 1e-4 must fail check 1. */
    @Test
    void checkerCatchesAWrongLogDet() {
        for (FlowCase c : FlowCases.all()) {
            FlowCase wrong = new FlowCase(c.name() + "-perturbed", c.amortisedSize(),
                    (sd, d, raw, seed, scale) -> new LogDetOffset(c.builder().build(sd, d, raw, seed, scale), 1e-4));
            assertThrows(AssertionFailedError.class, () -> new FlowChecks(wrong, 5, 1, 1.0).logDetMatchesJacobian(),
                    "the Jacobian check did not notice a log-det error of 1e-4 in " + c);
        }
    }

    /** The gradient check rejects a flow whose log-det is right but whose SameDiff gradient is not. */
    @Test
    void checkerCatchesAWrongGradient() {
        FlowCase broken = FlowCase.global("cumsum", (sd, d, raw, seed, scale) ->
                new BrokenGradientFlow(sd, StepParameters.gaussian(new java.util.Random(seed), d, 0.5)));
        new FlowChecks(broken, 5, 3, 1.0).logDetMatchesJacobian();
        assertThrows(AssertionFailedError.class, () -> new FlowChecks(broken, 5, 3, 1.0).gradientsMatchFiniteDifferences(),
                "the gradient check did not notice SameDiff's wrong cumsum gradient");
    }
}
