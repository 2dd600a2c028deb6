package org.nf4j.exec;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A parameter or constant array bound by reference into the ops that read it. Updates in place
 * ({@code subi}, {@code assign}) are seen as they are, and so is {@code setArray} with SameDiff's
 * default array holder (it copies into the existing array). Where the holder replaces the array
 * object (the gradient function's, or a {@code SingleThreadArrayHolder}), {@link #refresh()} binds the
 * new one into the ops that read it (also through an Identity) before the next run. A requested
 * result that is the variable itself keeps the old array.
 */
final class VariableBinding {
    private record Use(PlanStep step, int input) {
    }

    private final SameDiff sd;
    private final String name;
    private final List<Use> uses = new ArrayList<>();
    private INDArray bound;

    VariableBinding(SameDiff sd, String name, INDArray bound) {
        this.sd = sd;
        this.name = name;
        this.bound = bound;
    }

    void addUse(PlanStep step, int input) {
        uses.add(new Use(step, input));
    }

    /** Binds the variable's current array wherever it is used, if it changed since the last run. */
    void refresh() {
        INDArray now = sd.getArrForVarName(name);
        if (now == bound) {
            return;
        }
        if (now == null || !java.util.Arrays.equals(now.shape(), bound.shape()) || now.dataType() != bound.dataType()) {
            throw new IllegalStateException("variable " + name + " changed shape or type since the plan was compiled");
        }
        for (Use u : uses) {
            u.step().rebind(u.input(), now);
        }
        bound = now;
    }
}
