package org.nf4j.targets;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The helper curves of section 6.1, all functions of z1 only:
 * <pre>
 *   w1(z) = sin(2 pi z1 / 4)
 *   w2(z) = 3 exp(-0.5 ((z1 - 1) / 0.6)^2)
 *   w3(z) = 3 sigmoid((z1 - 1) / 0.3)
 * </pre>
 */
public final class Wiggles {
    private Wiggles() {
    }

    /** w1 = sin(2 pi z1 / 4). */
    public static double w1(double z1) {
        return Math.sin(2.0 * Math.PI * z1 / 4.0);
    }

    /** w2 = 3 exp(-0.5 ((z1 - 1) / 0.6)^2). */
    public static double w2(double z1) {
        double t = (z1 - 1.0) / 0.6;
        return 3.0 * Math.exp(-0.5 * t * t);
    }

    /** w3 = 3 sigmoid((z1 - 1) / 0.3) = 3 / (1 + exp(-(z1 - 1) / 0.3)). */
    public static double w3(double z1) {
        return 3.0 / (1.0 + Math.exp(-(z1 - 1.0) / 0.3));
    }

    /** w1 for a [batch] variable z1. */
    public static SDVariable w1(SameDiff sd, SDVariable z1) {
        return sd.math().sin(z1.mul(2.0 * Math.PI / 4.0));
    }

    /** w2 for a [batch] variable z1. */
    public static SDVariable w2(SameDiff sd, SDVariable z1) {
        SDVariable t = z1.sub(1.0).div(0.6);
        return sd.math().exp(sd.math().square(t).mul(-0.5)).mul(3.0);
    }

    /** w3 for a [batch] variable z1. */
    public static SDVariable w3(SameDiff sd, SDVariable z1) {
        return sd.nn().sigmoid(z1.sub(1.0).div(0.3)).mul(3.0);
    }
}
