package org.nf4j.train;

/**
 * A training run stopped because its loss or gradient stopped being finite: a failure of the run
 * (exit status 1), not of its command line. The message says at which update and what to try.
 */
public final class TrainingDivergedException extends IllegalStateException {
    public TrainingDivergedException(String message) {
        super(message);
    }
}
