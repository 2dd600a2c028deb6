package org.nf4j.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One console line of progress, printed at most every {@code intervalMillis}: step, fraction,
 * throughput, ETA, and whatever the caller adds.
 */
public final class ProgressLine {
    private final PrintStream out;
    private final long totalSteps;
    private final long intervalMillis;
    private final long startNanos = System.nanoTime();
    private final long firstStep;
    private long lastPrint;

    public ProgressLine(PrintStream out, long firstStep, long totalSteps, long intervalMillis) {
        this.out = out;
        this.firstStep = firstStep;
        this.totalSteps = totalSteps;
        this.intervalMillis = intervalMillis;
    }

    /** Seconds since this line started. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Prints when the interval has passed or at the last step; returns whether it printed. */
    public boolean update(long step, String details) {
        return update(step, () -> details);
    }

    /** As {@link #update(long, String)}, the details made only when the line is printed. */
    public boolean update(long step, java.util.function.Supplier<String> details) {
        long now = System.currentTimeMillis();
        boolean last = step >= totalSteps;
        if (!last && now - lastPrint < intervalMillis) {
            return false;
        }
        lastPrint = now;
        double elapsed = elapsedSeconds();
        long done = step - firstStep;
        double rate = done > 0 ? done / elapsed : 0;
        double eta = rate > 0 ? (totalSteps - step) / rate : Double.NaN;
        out.println(String.format(Locale.ROOT, "step %d/%d (%.0f%%) %s | %.1f steps/s | elapsed %s | eta %s",
                step, totalSteps, 100.0 * step / totalSteps, details.get(), rate, duration(elapsed), duration(eta)));
        return true;
    }

    /** h:mm:ss, or "?" when unknown. */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
