package org.nf4j.toy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nf4j.flows.FlowOptions;
import org.nf4j.logging.EventWriter;
import org.nf4j.targets.Energy2D;

/**
 * Several 2-D runs with the same flow, K and training settings but different targets, trained
 * together in one {@link ToyGroupModel} and then evaluated one by one exactly as {@link ToyRun}
 * evaluates a run of its own: each run's folder gets the same files, its summary says how many
 * targets shared the training.
 */
public final class ToyGroupRun {
    private ToyGroupRun() {
    }

    /**
     * @param cells      the runs; all must share {@link ToyConfig#trainingKey()} and steps
     * @param checkpoints the group's checkpoint folder (an interrupted group continues from it)
     */
    public static List<ToySummary> run(List<ToyConfig> cells, Path checkpoints, PrintStream out) throws IOException {
        ToyConfig first = cells.get(0);
        for (ToyConfig c : cells) {
            if (!c.trainingKey().equals(first.trainingKey()) || c.steps() != first.steps()) {
                throw new IllegalArgumentException("runs trained together need the same settings: "
                        + first.trainingKey() + " steps=" + first.steps() + " vs " + c.trainingKey() + " steps=" + c.steps());
            }
        }
        List<Energy2D> targets = new ArrayList<>();
        for (ToyConfig c : cells) {
            targets.add(ToyRun.prepare(c, out));
        }
        ToyGroupModel model = new ToyGroupModel(targets, first.flow(), first.k(), FlowOptions.defaults(), first.seed());
        out.println("training " + model.targetNames() + " together in one graph (" + ToyConfig.runName("*", first.flow(),
                first.k()) + ")");
        List<EventWriter> events = new ArrayList<>();
        try {
            for (ToyConfig c : cells) {
                EventWriter e = new EventWriter(c.logDir());
                events.add(e);
                e.text("config", 0, "```\n" + c.toJson() + "```");
            }
            long start = System.nanoTime();
            int resumedFrom = (int) ToyTraining.train(model, first, events, checkpoints, out);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<ToySummary> summaries = new ArrayList<>();
            for (int g = 0; g < cells.size(); g++) {
                summaries.add(ToyRun.evaluate(model.model(g), cells.get(g), events.get(g), seconds, resumedFrom,
                        cells.size(), out));
            }
            return summaries;
        } finally {
            for (EventWriter e : events) {
                e.close();
            }
        }
    }
}
