package org.nf4j.train;

import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * How a {@link TrainingLoop} runs, apart from what it minimises.
 *
 * @param steps           updates in all (a resumed run continues to this)
 * @param updater         the optimiser (ND4J's configuration object; its state goes into checkpoints)
 * @param clipNorm        each group's gradient-norm clipping, 0 for none
 * @param annealSteps     beta_t = min(1, 0.01 + t / annealSteps); 0 for beta = 1 throughout
 * @param logEvery        scalars go to TensorBoard every this many updates and after the last
 * @param checkpointEvery a checkpoint every this many updates and after the last
 * @param keepCheckpoints step checkpoints kept (the newest)
 * @param validateEvery   {@link Objective#validate} every this many updates and after the last
 * @param config          the run's resolved configuration, stored in every checkpoint
 * @param modelKeys       the keys of {@code config} a checkpoint must share to be resumed (what decides the
 *                        model and its trajectory); the others may change on a resumed run
 * @param resume          what to do with existing checkpoints
 * @param retryHint       how to retry after a divergence (ends the message), e.g. "resume with --resume and a smaller --lr"
 */
public record LoopSettings(long steps, IUpdater updater, double clipNorm, double annealSteps, int logEvery,
                           int checkpointEvery, int keepCheckpoints, int validateEvery, Map<String, String> config,
                           Set<String> modelKeys, Resume resume, String retryHint) {

    /** What a loop does with the checkpoints it finds. */
    public enum Resume {
        /** Start from update 0 (checkpoints written over). */
        NEVER,
        /** Continue from the newest readable checkpoint; refuse (one line) if there is none or it is of another model. */
        REQUIRED,
        /** Continue from the newest readable checkpoint if it shares the model keys and is not past {@code steps}, else start over (saying why). */
        IF_MATCHING
    }

    public LoopSettings {
        config = Map.copyOf(config);
        modelKeys = Set.copyOf(modelKeys);
        for (String k : modelKeys) {
            if (!config.containsKey(k)) {
                throw new IllegalArgumentException("model key " + k + " is not in the configuration");
            }
        }
    }
}
