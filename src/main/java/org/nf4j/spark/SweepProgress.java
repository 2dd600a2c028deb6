package org.nf4j.spark;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.nf4j.train.ProgressLine;

/**
 * A sweep's progress line, printed by the driver as each cell's result arrives: runs finished,
 * elapsed time, and an ETA. The ETA divides the cost still to do by the throughput of all task
 * slots together, measured as the cost each finished cell actually trained (a resumed cell only its
 * remaining updates) per second of its own wall time, times the number of slots. Reused runs cost
 * nothing.
 */
public final class SweepProgress {
    private final PrintStream out;
    private final String label;
    private final String unit;
    private final IntSupplier slots;
    private final int total;
    private final long startNanos = System.nanoTime();
    private double remaining;
    private double trainedCost;
    private double busySeconds;
    private int finished;

    /**
     * @param label     the line's first word ("grid", "table2")
     * @param unit      what is counted ("runs", "cells")
     * @param totalCost the cost of the cells still to run
     * @param total     how many units the sweep has
     * @param reused    units reused from an earlier sweep (already finished)
     * @param slots     how many cells run at once (Spark's task slots, known once it runs)
     */
    public SweepProgress(PrintStream out, String label, String unit, double totalCost, int total, int reused, IntSupplier slots) {
        this.out = out;
        this.label = label;
        this.unit = unit;
        this.remaining = totalCost;
        this.total = total;
        this.finished = reused;
        this.slots = slots;
    }

    /**
     * A cell finished.
     *
     * @param units       how many units it held (targets trained together)
     * @param cost        its full cost (what {@code remaining} counted for it)
     * @param trainedCost the part of it this sweep did (less when it resumed from a checkpoint)
     * @param seconds     its wall time
     */
    public synchronized void done(String name, int units, double cost, double trainedCost, double seconds) {
        remaining -= cost;
        this.trainedCost += trainedCost;
        busySeconds += seconds;
        finished += units;
        double rate = Math.max(1, slots.getAsInt()) * this.trainedCost / busySeconds;
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        out.println(String.format(Locale.ROOT, "%s: %d/%d %s finished (%s just now) | elapsed %s | eta %s", label,
                finished, total, unit, name, ProgressLine.duration(elapsed),
                ProgressLine.duration(remaining <= 1e-9 ? 0 : remaining / rate)));
    }
}
