package org.nf4j.targets;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Numerically stable two-term log-sum-exp,
 * <pre>
 *   ln(e^a + e^b) = max(a, b) + ln(1 + e^{-|a - b|}) = max(a, b) + softplus(-|a - b|),
 *   max(a, b)     = (a + b + |a - b|) / 2.
 * </pre>
 * The SameDiff form is written by hand from abs and softplus (both with verified gradients)
 * because {@code math.logSumExp}'s backprop throws on DL4J 1.0.0-M2.1. At a = b the abs
 * subgradient 0 gives d/da = d/db = 1/2, which is the exact derivative.
 */
public final class LogAddExp {
    private LogAddExp() {
    }

    /** ln(e^a + e^b) in double precision, without overflow or underflow. */
    public static double of(double a, double b) {
        double m = Math.max(a, b);
        if (m == Double.NEGATIVE_INFINITY) {
            return m;
        }
        return m + Math.log1p(Math.exp(-Math.abs(a - b)));
    }

    /** Element-wise ln(e^a + e^b) as a SameDiff expression. */
    public static SDVariable of(SameDiff sd, SDVariable a, SDVariable b) {
        SDVariable absDiff = sd.math().abs(a.sub(b));
        SDVariable max = a.add(b).add(absDiff).mul(0.5);
        return max.add(sd.nn().softplus(absDiff.neg()));
    }
}
