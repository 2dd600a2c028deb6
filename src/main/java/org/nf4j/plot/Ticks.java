package org.nf4j.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Axis tick positions and labels.
 *
 * <p>Linear axes: step = m 10^e with m in {1, 2, 5}, the smallest such step giving at most
 * {@code target} intervals over [lo, hi]; ticks are the multiples of the step inside [lo, hi].
 * Log axes: the data's own x values when there are few of them (e.g. K = 2, 8, 32), otherwise
 * powers of 10 (or of 2 when the range spans less than two decades).
 */
final class Ticks {
    private Ticks() {
    }

    /** "Nice" linear ticks inside [lo, hi]. */
    static List<Double> linear(double lo, double hi, int target) {
        List<Double> ticks = new ArrayList<>();
        double range = hi - lo;
        if (!(range > 0) || !Double.isFinite(range)) {
            ticks.add(lo);
            return ticks;
        }
        double raw = range / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag * 10;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        double first = Math.ceil(lo / step - 1e-9) * step;
        for (double t = first; t <= hi + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return ticks;
    }

    /** Ticks for a log axis over [lo, hi] (both &gt; 0), preferring the distinct data values. */
    static List<Double> log(double lo, double hi, TreeSet<Double> dataValues) {
        if (!dataValues.isEmpty() && dataValues.size() <= 10) {
            return new ArrayList<>(dataValues);
        }
        double base = Math.log10(hi / lo) < 2 ? 2 : 10;
        List<Double> ticks = new ArrayList<>();
        double e0 = Math.ceil(Math.log(lo) / Math.log(base) - 1e-9);
        for (double e = e0; Math.pow(base, e) <= hi * (1 + 1e-9); e++) {
            ticks.add(Math.pow(base, e));
        }
        return ticks;
    }

    /** Short label: integers without decimals, otherwise up to 3 significant digits. */
    static String label(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return Long.toString((long) v);
        }
        String s = String.format(java.util.Locale.ROOT, "%.3g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
