package org.nf4j.exec;

import java.util.Arrays;
import java.util.List;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Text about plan steps for profiles. */
final class PlanSteps {
    private PlanSteps() {
    }

    /** {@code output [shape] [shape] ...}: the name of an op's first output and its inputs' shapes. */
    static String detail(DifferentialFunction op, List<INDArray> inputs) {
        String[] outputs = op.outputVariablesNames();
        StringBuilder b = new StringBuilder(outputs != null && outputs.length > 0 ? outputs[0] : op.getOwnName());
        for (INDArray a : inputs) {
            b.append(' ').append(a == null ? "-" : Arrays.toString(a.shape()));
        }
        return b.toString();
    }
}
