package org.nf4j.spark;

import org.apache.spark.SparkContext;

/**
 * Ends a cluster sweep that has no executor to run on. Spark waits for executors forever: when the
 * only worker dies, or no worker has the cores and memory the application asks for, the job would
 * hang without a word. The driver calls {@link #check()} while it waits for results; after
 * {@link SparkSettings#EXECUTOR_WAIT} without any executor it fails in one line.
 */
final class ExecutorWatch {
    private final SparkContext sc;
    private final String master;
    private final long waitNanos;
    private long lastSeen = System.nanoTime();

    ExecutorWatch(SparkContext sc, String master, long waitSeconds) {
        this.sc = sc;
        this.master = master;
        this.waitNanos = waitSeconds * 1_000_000_000L;
    }

    /** Executors running now (Spark's status lists the driver too). */
    int executors() {
        return Math.max(0, sc.statusTracker().getExecutorInfos().length - 1);
    }

    void check() {
        long now = System.nanoTime();
        if (executors() > 0) {
            lastSeen = now;
        } else if (now - lastSeen > waitNanos) {
            throw new SweepFailedException("no Spark executor has been running for " + waitNanos / 1_000_000_000L + " s on "
                    + master + " (" + SparkSettings.EXECUTOR_WAIT + "): the workers are gone, or none has the free cores and "
                    + "memory asked for (spark.executor.cores, spark.executor.memory); finished cells are kept: run the same "
                    + "command again to continue");
        }
    }
}
