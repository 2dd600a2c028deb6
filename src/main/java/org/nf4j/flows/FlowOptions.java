package org.nf4j.flows;

/**
 * Settings of the flow kinds that have more than K: the NICE shift networks and the final scaling,
 * the circular kernel's initial noise.
 *
 * @param niceHidden   hidden layer sizes of each NICE coupling's ReLU shift network
 * @param niceGain     scale of the shift networks' initial weights (1 = He initialisation)
 * @param niceScaling  whether a NICE flow ends with a diagonal scaling layer
 * @param circularNoise standard deviation of the noise added to the identity kernel
 * @param planarCentred planar flows use m(x) = -1 + softplus(x + ln(e - 1)) (m(0) = 0) instead of the
 *                      paper's m(x) = -1 + softplus(x); see {@link PlanarFlow}
 */
public record FlowOptions(int[] niceHidden, double niceGain, boolean niceScaling, double circularNoise,
                          boolean planarCentred) {

    /**
     * Defaults: two hidden layers of 64, He initialisation scaled by 0.3 (so that a long chain of
     * couplings starts close to the identity instead of flinging samples far away), with scaling,
     * kernel noise 0.1, the paper's planar m.
     */
    public static FlowOptions defaults() {
        return new FlowOptions(new int[] {64, 64}, 0.3, true, 0.1, false);
    }

    /** These options with the planar constraint centred or not. */
    public FlowOptions withPlanarCentred(boolean centred) {
        return new FlowOptions(niceHidden, niceGain, niceScaling, circularNoise, centred);
    }
}
