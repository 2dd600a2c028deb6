package org.nf4j.targets;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A smooth quadratic wall in the z1 direction,
 * <pre>
 *   W(z1) = 0.5 (relu(|z1| - A) / s)^2,   A = 4, s = 0.2,
 * </pre>
 * zero on |z1| &lt;= A and growing like a Gaussian tail of width s outside. U2..U4 of the paper
 * do not decay in z1 (their integral over the plane diverges); adding W makes them proper
 * while leaving them untouched on the box |z1| &lt;= 4 that the paper plots. W is C^1 (its second
 * derivative jumps from 0 to 1/s^2 at |z1| = A).
 */
public final class Wall {
    /** Wall position A: W = 0 for |z1| &lt;= A. */
    public static final double POSITION = 4.0;
    /** Wall width s: beyond A the density falls like exp(-0.5 ((|z1| - A)/s)^2). */
    public static final double WIDTH = 0.2;
    /** Text used in the descriptions of the walled energies. */
    public static final String FORMULA = "0.5 (relu(|z1| - 4) / 0.2)^2";

    private Wall() {
    }

    /** W(z1) in double precision. */
    public static double of(double z1) {
        double t = Math.max(Math.abs(z1) - POSITION, 0.0) / WIDTH;
        return 0.5 * t * t;
    }

    /** W for a [batch] variable z1. */
    public static SDVariable of(SameDiff sd, SDVariable z1) {
        SDVariable t = sd.nn().relu(sd.math().abs(z1).sub(POSITION), 0.0).div(WIDTH);
        return sd.math().square(t).mul(0.5);
    }
}
