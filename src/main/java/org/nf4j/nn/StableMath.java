package org.nf4j.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** Numerically stable compositions of SameDiff ops. */
public final class StableMath {
    private StableMath() {
    }

    /**
     * softplus(x) = log(1 + e^x) = max(x, 0) + log(1 + e^{-|x|}).
     *
     * <p>ND4J's own softplus computes log(1 + e^x) directly and returns infinity once e^x overflows
     * (x above ~88 in float32, ~709 in float64); here it only ever sees -|x| &lt;= 0.
     */
    public static SDVariable softplus(SameDiff sd, SDVariable x) {
        return sd.nn.relu(x, 0.0).add(sd.nn.softplus(sd.math.abs(x).neg()));
    }
}
