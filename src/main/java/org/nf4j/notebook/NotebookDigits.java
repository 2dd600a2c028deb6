package org.nf4j.notebook;

import java.nio.file.Path;
import org.nf4j.data.DigitSource;
import org.nf4j.data.MnistSplit;
import org.nf4j.data.MnistSplitData;

/**
 * A notebook workspace's digits for a sweep's tasks ({@link Digits#split}: MNIST when fetched,
 * synthetic digits otherwise).
 *
 * @param root the workspace's folder (a path as text: tasks are serialised)
 */
record NotebookDigits(String root) implements DigitSource {

    private MnistSplitData split(MnistSplit split) {
        return Digits.split(new Workspace(Path.of(root)), split);
    }

    @Override
    public MnistSplitData train() {
        return split(MnistSplit.TRAIN);
    }

    @Override
    public MnistSplitData validation() {
        return split(MnistSplit.VALIDATION);
    }

    @Override
    public MnistSplitData test() {
        return split(MnistSplit.TEST);
    }
}
