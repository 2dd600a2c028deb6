package org.nf4j.flows;

/**
 * Settings of the flow kinds that have more than K: the NICE shift networks and the final scaling,
 * the circular kernel's initial noise.
 *
 * @param niceHidden   hidden layer sizes of each NICE coupling's ReLU shift network
 * @param niceGain     scale of the shift networks' initial weights (1 = He initialisation)
 * @param niceScaling  whether a NICE flow ends with a diagonal scaling layer
 * @param circularNoise standard deviation of the noise added to the identity kernel
 */
public record FlowOptions(int[] niceHidden, double niceGain, boolean niceScaling, double circularNoise) {

    /**
     * Defaults: two hidden layers of 64, He initialisation scaled by 0.3 (so that a long chain of
     * couplings starts close to the identity instead of flinging samples far away), with scaling,
     * kernel noise 0.1.
     */
    public static FlowOptions defaults() {
        return new FlowOptions(new int[] {64, 64}, 0.3, true, 0.1);
    }
}
