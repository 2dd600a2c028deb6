package org.nf4j.targets;

/**
 * The section-6.1 energies written out again, directly from the paper's formulas with
 * java.lang.Math (no shared code with the main classes, no stabilisation: only for moderate z).
 */
final class HandFormulas {
    private HandFormulas() {
    }

    static double w1(double z1) {
        return Math.sin(2 * Math.PI * z1 / 4);
    }

    static double w2(double z1) {
        return 3 * Math.exp(-0.5 * Math.pow((z1 - 1) / 0.6, 2));
    }

    static double w3(double z1) {
        return 3 / (1 + Math.exp(-(z1 - 1) / 0.3));
    }

    static double wall(double z1) {
        double excess = Math.abs(z1) > 4 ? Math.abs(z1) - 4 : 0;
        return 0.5 * Math.pow(excess / 0.2, 2);
    }

    static double u1(double z1, double z2) {
        double norm = Math.hypot(z1, z2);
        return 0.5 * Math.pow((norm - 2) / 0.4, 2)
                - Math.log(Math.exp(-0.5 * Math.pow((z1 - 2) / 0.6, 2))
                        + Math.exp(-0.5 * Math.pow((z1 + 2) / 0.6, 2)));
    }

    static double u2(double z1, double z2) {
        return 0.5 * Math.pow((z2 - w1(z1)) / 0.4, 2) + wall(z1);
    }

    static double u3(double z1, double z2) {
        return -Math.log(Math.exp(-0.5 * Math.pow((z2 - w1(z1)) / 0.35, 2))
                + Math.exp(-0.5 * Math.pow((z2 - w1(z1) + w2(z1)) / 0.35, 2))) + wall(z1);
    }

    static double u4(double z1, double z2) {
        return -Math.log(Math.exp(-0.5 * Math.pow((z2 - w1(z1)) / 0.4, 2))
                + Math.exp(-0.5 * Math.pow((z2 - w1(z1) + w3(z1)) / 0.35, 2))) + wall(z1);
    }
}
