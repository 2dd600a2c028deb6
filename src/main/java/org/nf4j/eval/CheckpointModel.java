package org.nf4j.eval;

import org.nf4j.config.TrainConfig;
import org.nf4j.model.DlgmModel;
import org.nf4j.train.Checkpoint;
import org.nf4j.train.DlgmTrainer;

/** Rebuilds the model a checkpoint was trained as (from the config stored in it) and loads its parameters and constants. */
public final class CheckpointModel {
    private CheckpointModel() {
    }

    /** The run configuration stored in a checkpoint. */
    public static TrainConfig config(Checkpoint c) {
        return TrainConfig.DEFAULTS.with(c.config());
    }

    /** A fresh model (in ND4J's default floating-point type) holding the checkpoint's parameters. */
    public static DlgmModel load(Checkpoint c) {
        return load(c, DlgmModel.Encoding.PER_ROW);
    }

    /** The same, with the encoder run once per row or once per digit (see {@link DlgmModel.Encoding}). */
    public static DlgmModel load(Checkpoint c, DlgmModel.Encoding encoding) {
        DlgmModel model = DlgmTrainer.model(config(c), encoding);
        c.restoreModel(model.sameDiff(), model.trainableNames());
        return model;
    }
}
