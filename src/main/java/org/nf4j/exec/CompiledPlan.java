package org.nf4j.exec;

import java.util.Arrays;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A SameDiff graph (or its gradient function) compiled for fixed placeholder shapes: the ops in the
 * session's execution order, each bound once to a reusable op context with its outputs allocated
 * once, so a run is a copy of the inputs into the placeholder arrays and a flat loop of native op
 * calls. Built by {@link PlanBuilder}; run through a {@link GraphRunner}.
 *
 * <p>The arrays of a {@link StepResult} are the plan's own: valid until the next {@link #run}. One
 * plan is for one thread at a time.
 */
final class CompiledPlan {
    private final String[] placeholderNames;
    private final INDArray[] placeholders;
    private final PlanStep[] steps;
    private final VariableBinding[] bindings;
    private final StepResult result;
    private final long allocatedBytes;
    private final long valueBytes;

    CompiledPlan(String[] placeholderNames, INDArray[] placeholders, PlanStep[] steps, VariableBinding[] bindings,
                 StepResult result, long allocatedBytes, long valueBytes) {
        this.allocatedBytes = allocatedBytes;
        this.valueBytes = valueBytes;
        this.placeholderNames = placeholderNames;
        this.placeholders = placeholders;
        this.steps = steps;
        this.bindings = bindings;
        this.result = result;
    }

    /** Bytes of the plan's own arrays (intermediates shared where their lifetimes allow). */
    long allocatedBytes() {
        return allocatedBytes;
    }

    /** Bytes the plan's op outputs would take with one array each. */
    long valueBytes() {
        return valueBytes;
    }

    /** Number of native ops one run makes. */
    int size() {
        return steps.length;
    }

    /** Copies the fed arrays in and runs every op; the result is valid until the next run. */
    StepResult run(Map<String, INDArray> feed) {
        for (int i = 0; i < placeholders.length; i++) {
            INDArray in = feed.get(placeholderNames[i]);
            if (in == null) {
                throw new IllegalArgumentException("no array was fed for placeholder '" + placeholderNames[i] + "'");
            }
            if (!Arrays.equals(in.shape(), placeholders[i].shape())) {
                throw new IllegalArgumentException("placeholder '" + placeholderNames[i] + "' has shape "
                        + Arrays.toString(in.shape()) + ", the plan was compiled for " + Arrays.toString(placeholders[i].shape()));
            }
            placeholders[i].assign(in);
        }
        for (VariableBinding b : bindings) {
            b.refresh();
        }
        for (PlanStep s : steps) {
            s.run();
        }
        return result;
    }

    /**
     * Runs the plan {@code runs} times on {@code feed}, timing every op, and returns the
     * nanoseconds per run of each op, in plan order: where a step's time goes.
     */
    long[] profile(Map<String, INDArray> feed, int runs) {
        run(feed);
        long[] nanos = new long[steps.length];
        for (int r = 0; r < runs; r++) {
            for (int i = 0; i < nanos.length; i++) {
                long t0 = System.nanoTime();
                steps[i].run();
                nanos[i] += System.nanoTime() - t0;
            }
        }
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] /= runs;
        }
        return nanos;
    }

    /** The ops of the plan, in the order {@link #profile} times them. */
    java.util.List<PlanStep> steps() {
        return java.util.List.of(steps);
    }

    /** The result of the last run (the build's own first run, before any {@link #run}). */
    StepResult lastResult() {
        return result;
    }
}
