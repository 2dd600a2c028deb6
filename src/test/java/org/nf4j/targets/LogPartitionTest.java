package org.nf4j.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ln Z by Simpson quadrature against an independent polar-coordinate integral. */
class LogPartitionTest {

    /**
     * ln Z of U1 in polar coordinates: Z = int_0^R r dr int_0^{2 pi} exp(-U1(r cos t, r sin t)) dt,
     * with the periodic trapezoid rule in t (spectrally accurate) and the midpoint rule in r,
     * using the independent {@link HandFormulas#u1}.
     */
    private static double polarLogZ(int nr, int nt, double rMax) {
        double hr = rMax / nr;
        double ht = 2 * Math.PI / nt;
        double z = 0;
        for (int i = 0; i < nr; i++) {
            double r = (i + 0.5) * hr;
            double ring = 0;
            for (int j = 0; j < nt; j++) {
                double t = j * ht;
                ring += Math.exp(-HandFormulas.u1(r * Math.cos(t), r * Math.sin(t)));
            }
            z += r * ring;
        }
        return Math.log(z * hr * ht);
    }

    @Test
    void u1MatchesPolarIntegral() {
        double simpson = LogPartition.of(Targets.byName("u1"));
        double polar = polarLogZ(4000, 1024, 7.0);
        assertEquals(polar, simpson, 1e-4);
        assertEquals(1.8775, simpson, 5e-4); // ANCHORS.md: 1.878
    }

    @Test
    void converges() {
        Energy2D u1 = Targets.byName("u1");
        double reference = LogPartition.of(u1, 8, 3200);
        double previous = Double.POSITIVE_INFINITY;
        for (int n : new int[] {40, 80, 160, 320}) {
            double err = Math.abs(LogPartition.of(u1, 8, n) - reference);
            assertTrue(err < previous, "error must shrink as the grid refines: n=" + n + " err=" + err);
            previous = err;
        }
        assertTrue(previous < 1e-6, "n=320 error " + previous);
        assertEquals(reference, LogPartition.of(u1), 1e-9);
        assertEquals(reference, LogPartition.of(u1, 10, 2000), 1e-9); // box is large enough
    }

    @Test
    void walledTargetsAreFiniteAndBoxIndependent() {
        for (Targets t : Targets.values()) {
            double a = LogPartition.of(t.energy());
            double b = LogPartition.of(t.energy(), 10, 2000);
            assertTrue(Double.isFinite(a));
            assertEquals(a, b, 1e-6, t.name());
            System.out.printf("ln Z(%s) = %.6f%n", t.energy().name(), a);
        }
    }

    @Test
    void u2HasAClosedFormCheck() {
        // U2 integrates over z2 to sqrt(2 pi) 0.4 for every z1 (wave as long as the box holds it),
        // and over z1 to 8 + 2 * 0.2 sqrt(pi/2) (flat inside |z1| <= 4, half-Gaussian walls outside).
        double expected = Math.log(Math.sqrt(2 * Math.PI) * 0.4 * (8 + 2 * 0.2 * Math.sqrt(Math.PI / 2)));
        assertEquals(expected, LogPartition.of(Targets.byName("u2")), 1e-6);
    }
}
