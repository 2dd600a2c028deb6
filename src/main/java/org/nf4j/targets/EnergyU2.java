package org.nf4j.targets;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * U2 of Rezende &amp; Mohamed (2015), a sine wave, plus the z1 wall {@link Wall}:
 * <pre>
 *   U2(z) = 0.5 ((z2 - w1(z)) / 0.4)^2  +  0.5 (relu(|z1| - 4) / 0.2)^2.
 * </pre>
 * The paper's U2 does not depend on z1 except through w1 and is improper on the plane; the
 * wall (zero on |z1| &lt;= 4) makes it proper, so the mass lives essentially on |z1| &lt;= 4
 * (a fraction ~0.06 lies in the wall's Gaussian tails beyond).
 */
public final class EnergyU2 implements Energy2D {

    @Override
    public String name() {
        return "u2";
    }

    @Override
    public String description() {
        return "U2 = 0.5((z2 - w1)/0.4)^2 + " + Wall.FORMULA
                + " (sine wave; the paper's U2 is improper in z1, the wall makes it proper:"
                + " mass essentially on |z1| <= 4)";
    }

    @Override
    public double energy(double z1, double z2) {
        double t = (z2 - Wiggles.w1(z1)) / 0.4;
        return 0.5 * t * t + Wall.of(z1);
    }

    @Override
    public SDVariable energy(SameDiff sd, SDVariable z) {
        SDVariable z1 = Columns.z1(z);
        SDVariable z2 = Columns.z2(z);
        SDVariable t = z2.sub(Wiggles.w1(sd, z1)).div(0.4);
        return sd.math().square(t).mul(0.5).add(Wall.of(sd, z1));
    }
}
