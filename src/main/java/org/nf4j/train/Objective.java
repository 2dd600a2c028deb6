package org.nf4j.train;

import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nf4j.data.IteratorState;
import org.nf4j.logging.EventWriter;

/**
 * What a {@link TrainingLoop} minimises: a graph whose loss variable is differentiated, the
 * variables it trains, the feed of every update, and what it reports. Models trained together in
 * one graph (the 2-D grid's targets) are its groups: each has its own loss, gradient-norm clipping
 * and TensorBoard file; a single model is one group.
 */
public interface Objective {

    SameDiff sameDiff();

    /** The variables the updater trains, in a fixed order. */
    List<String> trainables();

    /** The groups' names (for messages); one entry for a single model. */
    List<String> groups();

    /**
     * The outputs of an update: {@code monitored} on the updates whose scalars are logged (they may
     * cost extra ops), else only what {@link #losses} needs.
     */
    List<String> outputs(boolean monitored);

    /** The feed of update {@code step} (0-based) at inverse temperature {@code beta}; reads the next batch, if any. */
    Map<String, INDArray> feed(long step, double beta);

    /** Each group's loss (the annealed free energy) from an update's outputs. */
    double[] losses(Map<String, INDArray> outputs);

    /** Scalars of group {@code group} to log (tag to value) from a monitored update's outputs; none by default. */
    default Map<String, Double> monitored(Map<String, INDArray> outputs, int group) {
        return Map.of();
    }

    /** Examples the last update consumed (for the examples/s figure). */
    long examplesLastUpdate();

    /** Where the data stands (saved in checkpoints), or null for objectives that read no data. */
    default IteratorState position() {
        return null;
    }

    /** Continues the data from a checkpoint's position (called before the first update of a resumed run). */
    default void resumeAt(IteratorState position) {
    }

    /** Extra text for the progress line (an epoch, a monitored bound), or empty. */
    default String progress() {
        return "";
    }

    /**
     * A score on held-out data after update {@code step} (lower is better; the best is kept as
     * {@code best.zip}), logging what it likes to {@code events}; NaN when the objective has none.
     */
    default double validate(long step, EventWriter events) {
        return Double.NaN;
    }
}
