package org.nf4j.toy;

import java.io.PrintStream;
import java.util.Locale;
import org.nf4j.train.ProgressLine;

/**
 * The grid's own progress line, printed after each run: runs finished, elapsed time, and an ETA.
 * The ETA divides the cost still to do by the throughput of all jobs together, measured as the
 * cost each finished run actually trained (a resumed run only its remaining updates) per second of
 * its own wall time, times the number of jobs. Reused runs cost nothing.
 */
final class GridProgress {
    private final PrintStream out;
    private final int jobs;
    private final int total;
    private final long startNanos = System.nanoTime();
    private double remaining;
    private double trainedCost;
    private double busySeconds;
    private int finished;

    GridProgress(PrintStream out, double totalCost, int totalRuns, int jobs) {
        this.out = out;
        this.remaining = totalCost;
        this.total = totalRuns;
        this.jobs = jobs;
    }

    /** A run reused from an earlier grid. */
    synchronized void skipped(double cost) {
        remaining -= cost;
        finished++;
    }

    /**
     * A run finished.
     *
     * @param cost        its full cost (what {@code remaining} counted for it)
     * @param trainedCost the part of it this grid did (less when it resumed from a checkpoint)
     * @param seconds     its wall time
     */
    synchronized void done(String name, double cost, double trainedCost, double seconds) {
        remaining -= cost;
        this.trainedCost += trainedCost;
        busySeconds += seconds;
        finished++;
        double rate = jobs * this.trainedCost / busySeconds;
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        out.println(String.format(Locale.ROOT, "grid: %d/%d runs finished (%s just now) | elapsed %s | eta %s",
                finished, total, name, ProgressLine.duration(elapsed), ProgressLine.duration(remaining / rate)));
    }
}
