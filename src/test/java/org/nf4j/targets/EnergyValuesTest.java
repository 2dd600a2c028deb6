package org.nf4j.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Plain-Java energies against hand-derived numbers and an independent re-implementation. */
class EnergyValuesTest {
    private static final double TOL = 1e-9;
    private final Energy2D u1 = Targets.byName("u1");
    private final Energy2D u2 = Targets.byName("u2");
    private final Energy2D u3 = Targets.byName("u3");
    private final Energy2D u4 = Targets.byName("u4");

    @Test
    void u1ClosedFormPoints() {
        // on the ring at z = (2, 0): ring term 0, -ln(1 + exp(-0.5 (4/0.6)^2)) = -ln(1 + e^{-200/9})
        assertEquals(-Math.log1p(Math.exp(-200.0 / 9)), u1.energy(2, 0), TOL);
        // z = (0, 2): ring term 0, -ln(2 exp(-0.5 (2/0.6)^2)) = 50/9 - ln 2
        assertEquals(50.0 / 9 - Math.log(2), u1.energy(0, 2), TOL);
        // z = (0, 0): 0.5 (2/0.4)^2 = 12.5, plus 50/9 - ln 2; the 1e-12 under the root makes
        // ||z|| = 1e-6, lowering U by (2/0.16) 1e-6 = 1.25e-5 to first order
        assertEquals(12.5 - 1.25e-5 + 50.0 / 9 - Math.log(2), u1.energy(0, 0), 1e-9);
        // z = (-3, 0): 0.5 (1/0.4)^2 = 3.125, -ln(e^{-0.5 (5/0.6)^2} + e^{-0.5 (1/0.6)^2})
        double expected = 3.125 - Math.log(Math.exp(-0.5 * 25 / 0.36) + Math.exp(-0.5 / 0.36));
        assertEquals(expected, u1.energy(-3, 0), TOL);
    }

    @Test
    void u2ClosedFormPoints() {
        assertEquals(0.0, u2.energy(1, 1), TOL);           // w1(1) = sin(pi/2) = 1
        assertEquals(0.5, u2.energy(0, 0.4), TOL);         // w1(0) = 0
        assertEquals(3.125 + 12.5, u2.energy(5, 0), TOL);  // w1(5) = 1; wall 0.5 (1/0.2)^2
        assertEquals(0.5 * 6.25 + 12.5, u2.energy(-5, 0), TOL); // w1(-5) = -1
    }

    @Test
    void u3ClosedFormPoints() {
        // z1 = 1: w1 = 1, w2 = 3; z2 = 1: -ln(1 + exp(-0.5 (3/0.35)^2))
        assertEquals(-Math.log1p(Math.exp(-0.5 * 9 / 0.1225)), u3.energy(1, 1), TOL);
        // z1 = 1, z2 = -0.5: both branches equal, -ln(2 exp(-0.5 (1.5/0.35)^2))
        assertEquals(0.5 * 2.25 / 0.1225 - Math.log(2), u3.energy(1, -0.5), TOL);
        // z1 = 0, z2 = 0: w1 = 0, w2 = 3 exp(-0.5/0.36)
        double w2 = 3 * Math.exp(-0.5 / 0.36);
        assertEquals(-Math.log(1 + Math.exp(-0.5 * w2 * w2 / 0.1225)), u3.energy(0, 0), TOL);
    }

    @Test
    void u4ClosedFormPoints() {
        // z1 = 1: w1 = 1, w3 = 3/2; z2 = 1: -ln(1 + exp(-0.5 (1.5/0.35)^2))
        assertEquals(-Math.log1p(Math.exp(-0.5 * 2.25 / 0.1225)), u4.energy(1, 1), TOL);
        // z1 = 1, z2 = -0.5: -ln(exp(-0.5 (1.5/0.4)^2) + 1)
        assertEquals(-Math.log(Math.exp(-0.5 * 2.25 / 0.16) + 1), u4.energy(1, -0.5), TOL);
        // z1 = 6 (wall 0.5 (2/0.2)^2 = 50), w1(6) = sin(3 pi) = 0, w3 ~= 3
        double w3 = 3 / (1 + Math.exp(-5 / 0.3));
        double expected = 50 - Math.log(1 + Math.exp(-0.5 * w3 * w3 / 0.1225));
        assertEquals(expected, u4.energy(6, 0), TOL);
    }

    @Test
    void agreesWithIndependentFormulasAtRandomPoints() {
        java.util.Random rng = new java.util.Random(7);
        for (int k = 0; k < 500; k++) {
            double z1 = -5 + 10 * rng.nextDouble();
            double z2 = -5 + 10 * rng.nextDouble();
            assertEquals(HandFormulas.u1(z1, z2), u1.energy(z1, z2), 1e-9 * (1 + Math.abs(HandFormulas.u1(z1, z2))));
            assertEquals(HandFormulas.u2(z1, z2), u2.energy(z1, z2), 1e-9 * (1 + Math.abs(HandFormulas.u2(z1, z2))));
            double h3 = HandFormulas.u3(z1, z2);
            if (Double.isFinite(h3)) {      // the naive formula underflows far from the curves
                assertEquals(h3, u3.energy(z1, z2), 1e-9 * (1 + Math.abs(h3)));
            }
            double h4 = HandFormulas.u4(z1, z2);
            if (Double.isFinite(h4)) {
                assertEquals(h4, u4.energy(z1, z2), 1e-9 * (1 + Math.abs(h4)));
            }
        }
    }

    @Test
    void stableFarFromTheCurves() {
        // exp(-0.5 (20/0.35)^2) underflows to 0 in the naive formula; the stable form stays finite
        double far = u3.energy(0, 20);
        assertTrue(Double.isFinite(far));
        double a = -0.5 * Math.pow(20 / 0.35, 2);
        double w2 = 3 * Math.exp(-0.5 / 0.36);
        double b = -0.5 * Math.pow((20 + w2) / 0.35, 2);
        assertEquals(-a, far, 1e-9 * Math.abs(a)); // b << a, so -ln(e^a + e^b) ~= -a
        assertTrue(b < a - 100);
    }

    @Test
    void registryRejectsUnknownNamesListingValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Targets.byName("u5"));
        assertTrue(e.getMessage().contains("u1, u2, u3, u4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Targets.byName(null));
        assertEquals("u3", Targets.byName(" U3 ").name());
    }

    @Test
    void descriptionsMentionTheWall() {
        assertTrue(!u1.description().contains("relu"));
        for (Energy2D u : new Energy2D[] {u2, u3, u4}) {
            assertTrue(u.description().contains("0.5 (relu(|z1| - 4) / 0.2)^2"), u.description());
            assertTrue(u.description().contains("|z1| <= 4"), u.description());
        }
    }
}
