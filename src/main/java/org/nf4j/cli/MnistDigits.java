package org.nf4j.cli;

import java.nio.file.Path;
import org.nf4j.config.TrainConfig;
import org.nf4j.data.MnistFetcher;
import org.nf4j.data.MnistSplit;
import org.nf4j.data.MnistSplitData;

/**
 * The digits a training configuration asks for, fetched if missing: training (the first 50,000 or
 * all 60,000 of the training file), validation (the other 10,000, or none) and test.
 *
 * @param validation null when the run trains on all 60,000
 */
record MnistDigits(MnistSplitData train, MnistSplitData validation, MnistSplitData test) {

    static MnistDigits load(TrainConfig c) {
        Path dir = Path.of(c.dataDir());
        new MnistFetcher(System.out::println).fetch(dir);
        boolean all = c.trainDigits() == MnistSplit.TRAIN_ALL.size();
        return new MnistDigits(MnistSplitData.load(dir, all ? MnistSplit.TRAIN_ALL : MnistSplit.TRAIN),
                all ? null : MnistSplitData.load(dir, MnistSplit.VALIDATION), MnistSplitData.load(dir, MnistSplit.TEST));
    }
}
