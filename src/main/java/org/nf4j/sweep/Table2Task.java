package org.nf4j.sweep;

import java.nio.file.Path;
import java.util.List;
import org.nf4j.data.DigitSource;
import org.nf4j.eval.EvalRun;
import org.nf4j.spark.CellContext;
import org.nf4j.spark.CellTask;
import org.nf4j.train.RunLock;

/**
 * What a Spark task does with a {@link Table2Cell}: holds the lock of its run folder, loads the digits
 * where it runs, and trains (resumes, reuses) and evaluates the run.
 *
 * @param models the run folders' parent (absolute: the same path on every worker)
 * @param logs   the TensorBoard folders' parent (absolute)
 */
record Table2Task(String models, String logs, EvalRun.Settings eval, DigitSource data)
        implements CellTask<Table2Cell, Table2Cell.Outcome> {

    @Override
    public Table2Cell.Outcome run(Table2Cell cell, CellContext context) throws Exception {
        try (RunLock lock = RunLock.acquire(List.of(Path.of(models, cell.run())), RunLock.DEFAULT_WAIT, context.out())) {
            return cell.run(Path.of(models), Path.of(logs), data.train(), data.validation(), data.test(), eval, context.out());
        }
    }
}
