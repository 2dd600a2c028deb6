package org.nf4j.data;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MNIST files of a folder as a {@link DigitSource}: each split is read once per process (every
 * task of an executor shares it) and kept; a process without the files says where it looked.
 *
 * @param dir             the folder holding the four IDX files (absolute, the same path on every worker)
 * @param allTrainDigits  train on all 60,000 (no validation) instead of the first 50,000
 */
public record MnistFolder(String dir, boolean allTrainDigits) implements DigitSource {
    private static final Map<String, MnistSplitData> LOADED = new ConcurrentHashMap<>();

    @Override
    public MnistSplitData train() {
        return split(allTrainDigits ? MnistSplit.TRAIN_ALL : MnistSplit.TRAIN);
    }

    @Override
    public MnistSplitData validation() {
        return allTrainDigits ? null : split(MnistSplit.VALIDATION);
    }

    @Override
    public MnistSplitData test() {
        return split(MnistSplit.TEST);
    }

    private MnistSplitData split(MnistSplit split) {
        return LOADED.computeIfAbsent(dir + "\u0000" + split, k -> {
            try {
                return MnistSplitData.load(Path.of(dir), split);
            } catch (MnistDataException e) {
                throw new MnistDataException("MNIST is not usable in " + dir + " where this task runs (" + e.getMessage()
                        + "); on a cluster every worker needs the files at this path, or a mount they share", e);
            }
        });
    }
}
