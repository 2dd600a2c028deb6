package org.nf4j.spark;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import scala.collection.JavaConverters;
import scala.collection.Seq;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Runs a sweep's cells as Spark tasks: one partition per cell, longest first, the driver handed
 * each cell's result as soon as its task succeeds. Spark starts with the first sweep that has work
 * and stops on {@link #close()}.
 *
 * <p>A failed task is retried (up to {@code spark.task.maxFailures} attempts; the cell resumes from
 * its own files). A sweep ends with a one-line {@link SweepFailedException} when a cell fails on every
 * attempt, when the master cannot be reached, or when a cluster has had no executor for
 * {@link SparkSettings#EXECUTOR_WAIT}; the cells finished before are kept.
 */
public final class SweepEngine implements AutoCloseable {
    private final SparkSettings settings;
    private SparkContext sc;
    private String master;

    public SweepEngine(SparkSettings settings) {
        this.settings = settings;
    }

    /** Receives a finished cell's result on the driver's thread. */
    @FunctionalInterface
    public interface OnDone<C, R> {
        void accept(C cell, CellOutcome<R> outcome) throws IOException;
    }

    /** Cells that run at once: N of {@code local[N]}, or the cluster's cores (once Spark runs). */
    public int slots() {
        if (sc != null) {
            return sc.defaultParallelism();
        }
        int local = SparkSettings.localSlots(settings.sparkConf().get("spark.master"));
        return local > 0 ? local : 1;
    }

    /**
     * Runs every cell (none: Spark is not even started) and hands each result to {@code onDone} in
     * the order they finish.
     *
     * @param out the sweep's console; task lines reach it, prefixed with the cell's name, in local mode
     */
    public <C extends SweepCell, R> void run(List<C> cells, CellTask<C, R> task, PrintStream out, OnDone<C, R> onDone)
            throws IOException {
        if (cells.isEmpty()) {
            return;
        }
        List<C> ordered = new ArrayList<>(cells);
        ordered.sort(Comparator.comparingDouble(SweepCell::cost).reversed());
        SparkContext context = context(out);
        int n = ordered.size();
        out.println("spark: " + n + (n == 1 ? " cell as 1 task on " : " cells as " + n + " tasks on ") + master + ", longest first");
        String console = DriverConsole.register(out);
        BlockingQueue<Finished<R>> finished = new LinkedBlockingQueue<>();
        SimpleFutureAction<BoxedUnit> job = submit(context, ordered, new CellFunction<>(task, settings.backend(), console),
                finished);
        ExecutorWatch watch = master.startsWith("local") ? null
                : new ExecutorWatch(context, master, context.conf().getTimeAsSeconds(SparkSettings.EXECUTOR_WAIT,
                SparkSettings.EXECUTOR_WAIT_DEFAULT));
        try {
            for (int done = 0; done < ordered.size(); ) {
                Finished<R> f = finished.poll(1, TimeUnit.SECONDS);
                if (f != null) {
                    onDone.accept(ordered.get(f.index()), f.outcome());
                    done++;
                } else if (job.isCompleted() && finished.isEmpty()) {
                    throw failure(job, done);
                } else if (watch != null) {
                    watch.check();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the sweep's tasks");
        } finally {
            if (!job.isCompleted()) {
                job.cancel();
                awaitQuietly(job);
            }
            DriverConsole.unregister(console);
        }
    }

    private <C extends SweepCell, R> SimpleFutureAction<BoxedUnit> submit(SparkContext context, List<C> ordered,
                                                                        CellFunction<C, R> function,
                                                                        BlockingQueue<Finished<R>> finished) {
        RDD<C> rdd = JavaSparkContext.fromSparkContext(context).parallelize(ordered, ordered.size()).rdd();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Seq<Object> partitions = (Seq) JavaConverters.asScalaBuffer(IntStream.range(0, ordered.size()).boxed().toList()).toSeq();
        // interruptOnCancel: a cancelled job interrupts its task threads, and a training stops at its next update
        context.setJobGroup("nf4j-" + UUID.randomUUID(), "nf4j sweep of " + ordered.size() + " cells", true);
        try {
            return context.submitJob(rdd, function, partitions, new Collect<>(finished), new NoResult());
        } finally {
            context.clearJobGroup();
        }
    }

    /** The one-line reason a job ended before all its cells finished. */
    private SweepFailedException failure(SimpleFutureAction<BoxedUnit> job, int done) {
        Throwable t = job.value().get().failed().get();
        String kept = done == 0 ? "" : "; the " + done + " cell" + (done == 1 ? "" : "s") + " finished before are kept";
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CellFailedException cell) {
                return new SweepFailedException("cell " + cell.getMessage() + " (failed on all "
                        + sc.conf().getInt("spark.task.maxFailures", 4) + " attempts" + kept + ")", t);
            }
        }
        String m = t.getMessage() == null ? t.getClass().getName() : t.getMessage().lines().findFirst().orElse("").trim();
        return new SweepFailedException("the sweep's Spark job failed: " + m + kept + "; run the same command again to continue", t);
    }

    private SparkContext context(PrintStream out) {
        if (sc != null) {
            return sc;
        }
        SparkConf conf = settings.sparkConf();
        master = conf.get("spark.master");
        MasterCheck.requireReachable(master);
        try {
            sc = new SparkContext(conf);
        } catch (Exception e) {
            throw new IllegalArgumentException("Spark cannot start with master " + master + ": "
                    + org.nf4j.runtime.StartupErrors.messageFor(e), e);
        }
        boolean ui = sc.uiWebUrl().isDefined();
        out.println("spark " + sc.version() + ": master " + master + ", application " + sc.applicationId()
                + (ui ? ", web UI " + sc.uiWebUrl().get() : " (web UI off: --conf spark.ui.enabled=true)"));
        return sc;
    }

    private static void awaitQuietly(SimpleFutureAction<BoxedUnit> job) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!job.isCompleted() && System.nanoTime() < end) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops Spark if it was started. */
    @Override
    public void close() {
        if (sc != null) {
            sc.stop();
            sc = null;
        }
    }

    /** A result of partition {@code index}. */
    private record Finished<R>(int index, CellOutcome<R> outcome) {
    }

    /** Spark's result handler (on its scheduler thread): queues each result for the driver's thread. */
    private static final class Collect<R> extends AbstractFunction2<Object, CellOutcome<R>, BoxedUnit> {
        private final BlockingQueue<Finished<R>> queue;

        Collect(BlockingQueue<Finished<R>> queue) {
            this.queue = queue;
        }

        @Override
        public BoxedUnit apply(Object index, CellOutcome<R> outcome) {
            queue.add(new Finished<>((Integer) index, outcome));
            return BoxedUnit.UNIT;
        }
    }

    /** The job's overall result: nothing (the cells' results went to {@link Collect}). */
    private static final class NoResult extends AbstractFunction0<BoxedUnit> {
        @Override
        public BoxedUnit apply() {
            return BoxedUnit.UNIT;
        }
    }
}
