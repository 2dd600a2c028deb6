package org.nf4j.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;
import org.nf4j.flows.FlowKind;

/** The learning-rate decay: its values, its checks and its place in the checkpoint key. */
class ToyConfigTest {

    private static ToyConfig withDecay(int steps, int decay) {
        ToyConfig d = ToyConfig.defaults("u1", FlowKind.PLANAR, 2);
        return new ToyConfig("u1", FlowKind.PLANAR, 2, steps, 256, 2e-3, decay, d.clipNorm(), d.annealSteps(), 1,
                10_000, 0, d.out(), d.logDir());
    }

    @Test
    void rateFallsLinearlyToZeroOverTheDecaySteps() {
        Adam adam = withDecay(1000, 1000).optimizer();
        assertEquals(2e-3, adam.getLearningRate(0, 0), 1e-15);
        assertEquals(1e-3, adam.getLearningRate(500, 0), 1e-15);
        assertEquals(5e-4, adam.getLearningRate(750, 0), 1e-15);
        assertEquals(2e-6, adam.getLearningRate(999, 0), 1e-15);
        assertTrue(adam.getLearningRate(999, 0) > 0, "the last update still moves");
    }

    @Test
    void zeroMeansConstantRate() {
        Adam adam = withDecay(1000, 0).optimizer();
        assertEquals(2e-3, adam.getLearningRate(0, 0), 0.0);
        assertEquals(2e-3, adam.getLearningRate(999, 0), 0.0);
    }

    @Test
    void decayShorterThanTheRunIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withDecay(1000, 999));
        assertTrue(e.getMessage().contains("at least --steps (1000)"), e.getMessage());
    }

    @Test
    void decayIsPartOfTheTrajectoryButTheRunLengthIsNot() {
        assertNotEquals(withDecay(1000, 1000).trajectoryKey(), withDecay(1000, 2000).trajectoryKey());
        assertNotEquals(withDecay(1000, 0).trajectoryKey(), withDecay(1000, 1000).trajectoryKey());
        assertEquals(withDecay(500, 2000).trajectoryKey(), withDecay(1000, 2000).trajectoryKey());
    }

    @Test
    void defaultsDecayOverTheWholeRunAndSayItInTheConfigFile() {
        ToyConfig d = ToyConfig.defaults("u1", FlowKind.NICE_PERM, 32);
        assertEquals(d.steps(), d.decaySteps());
        assertTrue(d.toJson().contains("\"lr_decay_steps\": 20000"), d.toJson());
    }
}
