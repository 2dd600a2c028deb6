package org.nf4j.toy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nf4j.logging.EventWriter;
import org.nf4j.train.CheckpointStore;
import org.nf4j.train.LoopSettings;
import org.nf4j.train.TrainingLoop;

/**
 * Minimises a 2-D fit's annealed free energy in the {@link TrainingLoop}: Adam (with the config's
 * learning-rate decay), each group's gradient norm clipped on its own, a checkpoint every
 * {@link #CHECKPOINT_EVERY} updates and at the end, and an interrupted fit continued when its
 * checkpoint was written with the same settings (else it starts over and says why).
 */
public final class ToyTraining {
    /** Updates between checkpoints. */
    public static final int CHECKPOINT_EVERY = 1000;
    /** Updates between TensorBoard scalars. */
    static final int LOG_EVERY = 100;

    private ToyTraining() {
    }

    /**
     * Trains one target's model.
     *
     * @param events      one writer, or an empty list for none
     * @param checkpoints the run's checkpoint folder, or null for none
     * @return the update training started from: 0, or the step of the checkpoint it resumed
     */
    public static long train(ToyModel model, ToyConfig config, List<EventWriter> events, Path checkpoints, PrintStream out)
            throws IOException {
        return run(ToyObjective.of(model, config), config, config.asMap(), events, checkpoints, out);
    }

    /**
     * Trains the targets of a group together; group g ends where a run of target g alone would
     * (up to rounding). {@code config}'s target and folders are not used.
     *
     * @param events one writer per target, or an empty list for none
     */
    public static long train(ToyGroupModel model, ToyConfig config, List<EventWriter> events, Path checkpoints,
                             PrintStream out) throws IOException {
        Map<String, String> settings = new HashMap<>(config.asMap());
        settings.put("target", model.targetNames());
        return run(ToyObjective.of(model, config), config, settings, events, checkpoints, out);
    }

    /**
     * @param settings the resolved configuration the checkpoints store (for a group: its targets as the target);
     *                 they are resumed only if its trajectory settings match
     */
    private static long run(ToyObjective objective, ToyConfig config, Map<String, String> settings, List<EventWriter> events,
                            Path checkpoints, PrintStream out) throws IOException {
        LoopSettings loop = new LoopSettings(config.steps(), config.optimizer(), config.clipNorm(), config.annealSteps(),
                LOG_EVERY, CHECKPOINT_EVERY, 1, Integer.MAX_VALUE, settings, config.trajectoryKeys(),
                checkpoints == null ? LoopSettings.Resume.NEVER : LoopSettings.Resume.IF_MATCHING,
                "Try a smaller --lr (a fit with other settings starts over).");
        CheckpointStore store = checkpoints == null ? null : new CheckpointStore(checkpoints, 1);
        return new TrainingLoop(objective, loop, store, events, config.executor(), out).run().firstStep();
    }
}
