package org.nf4j.nn;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** Numerically stable compositions of SameDiff ops. */
public final class StableMath {
    private StableMath() {
    }

    /**
     * softplus(x) = log(1 + e^x) = max(x, 0) + log(1 + e^{-|x|}),  max(x, 0) = (x + |x|) / 2.
     *
     * <p>ND4J's own softplus computes log(1 + e^x) directly and returns infinity once e^x overflows
     * (x above ~88 in float32, ~709 in float64); here it only ever sees -|x| &lt;= 0.
     *
     * <p>max(x, 0) is taken from |x|, which is needed anyway, rather than by a relu: the relu's
     * backward op (thresholdedrelu_bp) is slow in ND4J 1.0.0-M2.1, about 0.8 ms on [100, 784], more
     * than twice the add and scale that replace it. It also gives the right derivative, 1/2, at 0.
     */
    public static SDVariable softplus(SameDiff sd, SDVariable x) {
        SDVariable abs = sd.math.abs(x);
        return x.add(abs).mul(0.5).add(sd.nn.softplus(abs.neg()));
    }
}
