package org.nf4j.eval;

import org.nf4j.data.DigitSource;
import org.nf4j.data.MnistSplitData;

/**
 * {@link TestDigits} as a {@link DigitSource}: the same digits wherever a task runs, written by the
 * test (no MNIST files needed).
 */
public record TestDigitSource(int trainSize, int validationSize, int testSize) implements DigitSource {
    /** 120 training, 30 validation and 30 test digits. */
    public static final TestDigitSource SMALL = new TestDigitSource(120, 30, 30);

    @Override
    public MnistSplitData train() {
        return TestDigits.split(trainSize, 1);
    }

    @Override
    public MnistSplitData validation() {
        return TestDigits.split(validationSize, 2);
    }

    @Override
    public MnistSplitData test() {
        return TestDigits.split(testSize, 3);
    }
}
