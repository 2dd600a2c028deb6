package org.nf4j.targets;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * U1 of Rezende &amp; Mohamed (2015), a ring of radius 2 cut into two blobs at z1 = +-2:
 * <pre>
 *   U1(z) = 0.5 ((||z|| - 2) / 0.4)^2
 *           - ln( exp(-0.5 ((z1 - 2)/0.6)^2) + exp(-0.5 ((z1 + 2)/0.6)^2) ).
 * </pre>
 * Proper on the plane as it stands; no wall is added. ln Z ~= 1.8775.
 *
 * <p>||z|| is computed as sqrt(z1^2 + z2^2 + 1e-12): d||z||/dz = z/||z|| is undefined at the
 * origin and SameDiff's sqrt gradient would give inf * 0 = NaN there. The shift moves ||z|| by at
 * most sqrt(1e-12) = 1e-6 (at the origin), changing U by at most (2/0.16) 1e-6 = 1.25e-5 there
 * (where exp(-U) ~ 3e-8), and by ~1e-12 near the ring.
 * Both the plain-Java and the SameDiff form use the same shift, so they agree exactly.
 */
public final class EnergyU1 implements Energy2D {
    /** Added under the square root of ||z||^2 to keep the gradient finite at z = 0. */
    public static final double RADIUS_EPS = 1e-12;

    @Override
    public String name() {
        return "u1";
    }

    @Override
    public String description() {
        return "U1 = 0.5((||z|| - 2)/0.4)^2 - ln(exp(-0.5((z1-2)/0.6)^2) + exp(-0.5((z1+2)/0.6)^2))"
                + " (ring with two blobs; proper as is, no wall; ||z|| = sqrt(z1^2 + z2^2 + 1e-12))";
    }

    @Override
    public double energy(double z1, double z2) {
        double r = Math.sqrt(z1 * z1 + z2 * z2 + RADIUS_EPS);
        double ring = (r - 2.0) / 0.4;
        double a = (z1 - 2.0) / 0.6;
        double b = (z1 + 2.0) / 0.6;
        return 0.5 * ring * ring - LogAddExp.of(-0.5 * a * a, -0.5 * b * b);
    }

    @Override
    public SDVariable energy(SameDiff sd, SDVariable z) {
        SDVariable z1 = Columns.z1(z);
        SDVariable z2 = Columns.z2(z);
        SDVariable r = sd.math().sqrt(sd.math().square(z1).add(sd.math().square(z2)).add(RADIUS_EPS));
        SDVariable ring = sd.math().square(r.sub(2.0).div(0.4)).mul(0.5);
        SDVariable a = sd.math().square(z1.sub(2.0).div(0.6)).mul(-0.5);
        SDVariable b = sd.math().square(z1.add(2.0).div(0.6)).mul(-0.5);
        return ring.sub(LogAddExp.of(sd, a, b));
    }
}
