package org.nf4j.targets;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * U3 of Rezende &amp; Mohamed (2015), a sine wave that splits into two around z1 = 1, plus the
 * z1 wall {@link Wall}:
 * <pre>
 *   U3(z) = -ln( exp(-0.5 ((z2 - w1)/0.35)^2) + exp(-0.5 ((z2 - w1 + w2)/0.35)^2) )
 *           + 0.5 (relu(|z1| - 4) / 0.2)^2.
 * </pre>
 * The log of the sum is evaluated with {@link LogAddExp}. Without the wall U3 is improper in
 * z1; with it the mass lives essentially on |z1| &lt;= 4.
 */
public final class EnergyU3 implements Energy2D {
    private static final double S = 0.35;

    @Override
    public String name() {
        return "u3";
    }

    @Override
    public String description() {
        return "U3 = -ln(exp(-0.5((z2-w1)/0.35)^2) + exp(-0.5((z2-w1+w2)/0.35)^2)) + " + Wall.FORMULA
                + " (splitting wave; the paper's U3 is improper in z1, the wall makes it proper:"
                + " mass essentially on |z1| <= 4)";
    }

    @Override
    public double energy(double z1, double z2) {
        double a = (z2 - Wiggles.w1(z1)) / S;
        double b = (z2 - Wiggles.w1(z1) + Wiggles.w2(z1)) / S;
        return -LogAddExp.of(-0.5 * a * a, -0.5 * b * b) + Wall.of(z1);
    }

    @Override
    public SDVariable energy(SameDiff sd, SDVariable z) {
        SDVariable z1 = Columns.z1(z);
        SDVariable z2 = Columns.z2(z);
        SDVariable d = z2.sub(Wiggles.w1(sd, z1));
        SDVariable a = sd.math().square(d.div(S)).mul(-0.5);
        SDVariable b = sd.math().square(d.add(Wiggles.w2(sd, z1)).div(S)).mul(-0.5);
        return Wall.of(sd, z1).sub(LogAddExp.of(sd, a, b));
    }
}
