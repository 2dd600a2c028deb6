package org.nf4j.toy;

import java.io.PrintStream;
import java.util.Locale;
import org.nf4j.train.ProgressLine;

/**
 * The grid's own progress line, printed after each run: runs done, elapsed time, and an ETA from
 * the cost done so far per second of wall time (runs reused from an earlier grid do not count).
 */
final class GridProgress {
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private double remaining;
    private double done;
    private final int total;
    private int finished;

    GridProgress(PrintStream out, double totalCost, int totalRuns) {
        this.out = out;
        this.remaining = totalCost;
        this.total = totalRuns;
    }

    synchronized void skipped(double cost) {
        remaining -= cost;
        finished++;
    }

    synchronized void done(String name, double cost) {
        remaining -= cost;
        done += cost;
        finished++;
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        out.println(String.format(Locale.ROOT, "grid: %d/%d runs finished (%s just now) | elapsed %s | eta %s",
                finished, total, name, ProgressLine.duration(elapsed), ProgressLine.duration(remaining * elapsed / done)));
    }
}
