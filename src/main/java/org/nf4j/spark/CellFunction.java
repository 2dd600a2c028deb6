package org.nf4j.spark;

import java.io.PrintStream;
import java.io.Serializable;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.nf4j.runtime.BackendSpec;
import org.nf4j.runtime.NativeTaskScope;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * The body of every Spark task of a sweep: takes the partition's one cell, configures ND4J on the
 * task's thread, runs the cell's {@link CellTask} with the cell's console, times it, and leaves no
 * ND4J workspace open on the (pooled) thread. A failure comes back to the driver as a
 * {@link CellFailedException} naming the cell.
 */
final class CellFunction<C extends SweepCell, R> extends AbstractFunction1<Iterator<C>, CellOutcome<R>>
        implements Serializable {
    private static final long serialVersionUID = 1L;

    private final CellTask<C, R> task;
    private final BackendSpec backend;
    private final String consoleId;

    CellFunction(CellTask<C, R> task, BackendSpec backend, String consoleId) {
        this.task = task;
        this.backend = backend;
        this.consoleId = consoleId;
    }

    @Override
    public CellOutcome<R> apply(Iterator<C> partition) {
        C cell = partition.next();
        TaskContext context = TaskContext.get();
        int attempt = context != null ? context.attemptNumber() : 0;
        String executor = SparkEnv.get() != null ? SparkEnv.get().executorId() : "driver";
        PrintStream out = DriverConsole.lines(consoleId, "[" + cell.name() + "] ");
        if (attempt > 0) {
            out.println("attempt " + (attempt + 1) + " on executor " + executor + ": continuing from the cell's own files");
        }
        long start = System.nanoTime();
        try (NativeTaskScope scope = NativeTaskScope.enter(backend)) {
            R value = task.run(cell, new CellContext(out, attempt, executor));
            return new CellOutcome<>(value, (System.nanoTime() - start) / 1e9, attempt, executor);
        } catch (Exception e) {
            CellFailedException failed = new CellFailedException(cell.name(), e);
            out.println("attempt " + (attempt + 1) + " failed: " + failed.getMessage().substring(cell.name().length() + 2));
            throw failed;
        } catch (Error e) {
            out.println("attempt " + (attempt + 1) + " failed: " + e);
            throw e;
        } finally {
            out.flush();
        }
    }
}
