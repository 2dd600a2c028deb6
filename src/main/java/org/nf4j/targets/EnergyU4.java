package org.nf4j.targets;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * U4 of Rezende &amp; Mohamed (2015), a sine wave with a sigmoid step copy, plus the z1 wall
 * {@link Wall}:
 * <pre>
 *   U4(z) = -ln( exp(-0.5 ((z2 - w1)/0.4)^2) + exp(-0.5 ((z2 - w1 + w3)/0.35)^2) )
 *           + 0.5 (relu(|z1| - 4) / 0.2)^2.
 * </pre>
 * The log of the sum is evaluated with {@link LogAddExp}. Without the wall U4 is improper in
 * z1; with it the mass lives essentially on |z1| &lt;= 4.
 */
public final class EnergyU4 implements Energy2D {

    @Override
    public String name() {
        return "u4";
    }

    @Override
    public String description() {
        return "U4 = -ln(exp(-0.5((z2-w1)/0.4)^2) + exp(-0.5((z2-w1+w3)/0.35)^2)) + " + Wall.FORMULA
                + " (wave with a step copy; the paper's U4 is improper in z1, the wall makes it proper:"
                + " mass essentially on |z1| <= 4)";
    }

    @Override
    public double energy(double z1, double z2) {
        double a = (z2 - Wiggles.w1(z1)) / 0.4;
        double b = (z2 - Wiggles.w1(z1) + Wiggles.w3(z1)) / 0.35;
        return -LogAddExp.of(-0.5 * a * a, -0.5 * b * b) + Wall.of(z1);
    }

    @Override
    public SDVariable energy(SameDiff sd, SDVariable z) {
        SDVariable z1 = Columns.z1(z);
        SDVariable z2 = Columns.z2(z);
        SDVariable d = z2.sub(Wiggles.w1(sd, z1));
        SDVariable a = sd.math().square(d.div(0.4)).mul(-0.5);
        SDVariable b = sd.math().square(d.add(Wiggles.w3(sd, z1)).div(0.35)).mul(-0.5);
        return Wall.of(sd, z1).sub(LogAddExp.of(sd, a, b));
    }
}
