package org.nf4j.exec;

import org.nd4j.linalg.api.ndarray.INDArray;

/** One native op of a {@link CompiledPlan}, bound once to its input and output arrays. */
interface PlanStep {
    /** Runs the op on its bound arrays. */
    void run();

    /** Binds input {@code index} to {@code array} (a parameter array SameDiff replaced). */
    void rebind(int index, INDArray array);

    /** The op's kind, e.g. {@code matmul} or {@code mul_scalar}: what a profile groups by. */
    String kind();

    /** The op's own name in the graph and the shapes of its inputs: what a profile's slowest-ops list shows. */
    String detail();
}
