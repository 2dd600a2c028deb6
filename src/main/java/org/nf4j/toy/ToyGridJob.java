package org.nf4j.toy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nf4j.spark.SweepCell;
import org.nf4j.train.RunLock;

/**
 * One cell of the 2-D grid, one Spark task: a single run, or the targets of one flow and K trained
 * together in one graph ({@link ToyGroupRun}). It holds the locks of every folder it writes while
 * it runs; an interrupted job continues from its checkpoints (the run's, or the group's).
 *
 * @param name        the run's name, or {@code <flow>-k<K>} for a group
 * @param cells       the runs (one, or the group's targets)
 * @param groupFolder the group's folder (its checkpoints), absolute; null for a single run
 */
public record ToyGridJob(String name, List<ToyConfig> cells, String groupFolder) implements SweepCell {

    public ToyGridJob {
        cells = List.copyOf(cells);
    }

    /** A single run. */
    static ToyGridJob single(ToyConfig c) {
        return new ToyGridJob(ToyConfig.runName(c.target(), c.flow(), c.k()), List.of(c), null);
    }

    /** Targets trained together; the group's checkpoints go to {@code <root>/<flow>-k<K>-together}. */
    static ToyGridJob group(List<ToyConfig> cells, Path root) {
        ToyConfig first = cells.get(0);
        String name = first.flow().id() + "-k" + first.k();
        return new ToyGridJob(name, cells, root.resolve(name + "-together").toString());
    }

    @Override
    public double cost() {
        return cost(0);
    }

    /**
     * The relative cost of the job from update {@code fromStep} (0: all of it), for the order of the
     * jobs (longest first, so the grid does not end on one long job while the others idle) and for
     * the grid's ETA: per run a fixed part (evaluation, pictures), and updates whose cost grows with
     * K, each extra target of a group adding about a third of a single run's (as measured here).
     */
    public double cost(int fromStep) {
        ToyConfig c = cells.get(0);
        double updates = (c.k() + 12.0) * Math.max(c.steps() - fromStep, 0) / 20_000.0;
        return updates * (1 + 0.3 * (cells.size() - 1)) + cells.size();
    }

    /** This job with every run's budget set (a shorter job stops where an interrupted one would). */
    public ToyGridJob withSteps(int steps) {
        List<ToyConfig> shorter = new ArrayList<>();
        for (ToyConfig c : cells) {
            shorter.add(c.with(Map.of("steps", Integer.toString(steps))));
        }
        return new ToyGridJob(name, shorter, groupFolder);
    }

    /** Trains and evaluates the job's runs under the locks of their folders; returns their summaries in order. */
    public List<ToySummary> run(PrintStream out) throws IOException {
        List<Path> folders = new ArrayList<>();
        cells.forEach(c -> folders.add(c.out()));
        if (groupFolder != null) {
            folders.add(Path.of(groupFolder));
        }
        try (RunLock lock = RunLock.acquire(folders, RunLock.DEFAULT_WAIT, out)) {
            if (groupFolder == null) {
                return List.of(ToyRun.run(cells.get(0), out));
            }
            return ToyGroupRun.run(cells, Path.of(groupFolder).resolve(ToyRun.CHECKPOINTS), out);
        }
    }
}
