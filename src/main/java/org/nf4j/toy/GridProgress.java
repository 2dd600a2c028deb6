package org.nf4j.toy;

import java.io.PrintStream;
import java.util.Locale;
import org.nf4j.train.ProgressLine;

/**
 * The grid's own progress line, printed after each job: runs finished, elapsed time, and an ETA.
 * The ETA divides the cost still to do by the throughput of all jobs together, measured as the
 * cost each finished job actually trained (a resumed job only its remaining updates) per second of
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

    /**
     * @param totalCost the cost of the jobs still to run
     * @param reused    runs reused from an earlier grid (already finished)
     */
    GridProgress(PrintStream out, double totalCost, int totalRuns, int reused, int jobs) {
        this.out = out;
        this.remaining = totalCost;
        this.total = totalRuns;
        this.finished = reused;
        this.jobs = jobs;
    }

    /**
     * A job finished.
     *
     * @param runs        how many runs it held (targets trained together)
     * @param cost        its full cost (what {@code remaining} counted for it)
     * @param trainedCost the part of it this grid did (less when it resumed from a checkpoint)
     * @param seconds     its wall time
     */
    synchronized void done(String name, int runs, double cost, double trainedCost, double seconds) {
        remaining -= cost;
        this.trainedCost += trainedCost;
        busySeconds += seconds;
        finished += runs;
        double rate = jobs * this.trainedCost / busySeconds;
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        out.println(String.format(Locale.ROOT, "grid: %d/%d runs finished (%s just now) | elapsed %s | eta %s",
                finished, total, name, ProgressLine.duration(elapsed), ProgressLine.duration(remaining / rate)));
    }
}
