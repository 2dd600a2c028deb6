package org.nf4j.exec;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;

/** A libnd4j custom op with one reusable context: inputs, arguments and outputs set once. */
final class CustomOpStep implements PlanStep {
    private final CustomOp op;
    private final OpContext context;
    private final OpExecutioner executioner;

    CustomOpStep(CustomOp op, OpContext context, OpExecutioner executioner) {
        this.op = op;
        this.context = context;
        this.executioner = executioner;
    }

    @Override
    public void run() {
        executioner.exec(op, context);
    }

    @Override
    public String kind() {
        return op.opName();
    }

    @Override
    public String detail() {
        return PlanSteps.detail((org.nd4j.autodiff.functions.DifferentialFunction) op, context.getInputArrays());
    }

    @Override
    public void rebind(int index, INDArray array) {
        context.setInputArray(index, array);
    }
}
