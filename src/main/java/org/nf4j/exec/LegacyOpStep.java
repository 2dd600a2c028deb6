package org.nf4j.exec;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BaseReduceOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.api.shape.Shape;

/**
 * A legacy (numbered) ND4J op: x, y and z go through its own context; its op number, extra
 * arguments, dimensions and scalar stay on the op object, which SameDiff shares between calls.
 * What SameDiff's session sets on that object at run time is set again before every run, as the
 * session does, so an {@code sd.output(...)} between steps cannot leave stale state behind: the
 * scalar of a two-input scalar op (input 1) and the dimensions of a two-input reduce op (input 1,
 * an integer axis array). Inputs an executioner swapped (legacy pow replaces a scalar y) are bound
 * back after the run.
 */
final class LegacyOpStep implements PlanStep {
    /** What input 1 of the op is. */
    enum Second { NONE, ARRAY, SCALAR, AXIS }

    private final Op op;
    private final OpContext context;
    private final OpExecutioner executioner;
    private final Second second;
    /** The op's inputs; for AXIS, input 1 is the axis array and not on the context. */
    private final INDArray[] inputs;

    LegacyOpStep(Op op, OpContext context, OpExecutioner executioner, INDArray[] inputs, Second second) {
        this.op = op;
        this.context = context;
        this.executioner = executioner;
        this.inputs = inputs;
        this.second = second;
    }

    @Override
    public void run() {
        prepare();
        executioner.exec(op, context);
        int onContext = second == Second.AXIS ? 1 : inputs.length;
        for (int i = 0; i < onContext; i++) {
            if (context.getInputArray(i) != inputs[i]) {
                context.setInputArray(i, inputs[i]);
            }
        }
    }

    /** Sets the op object's run-time state (scalar or dimensions) as SameDiff's session does. */
    void prepare() {
        if (second == Second.SCALAR) {
            ((ScalarOp) op).setScalar(inputs[1]);
        } else if (second == Second.AXIS) {
            int[] axis = Shape.normalizeAxis(inputs[0].rank(), inputs[1].toIntVector());
            ((ReduceOp) op).setDimensions(axis);
            ((BaseReduceOp) op).setEmptyReduce(false);
        }
    }

    @Override
    public String kind() {
        return op.opName();
    }

    @Override
    public String detail() {
        return PlanSteps.detail((org.nd4j.autodiff.functions.DifferentialFunction) op, java.util.List.of(inputs));
    }

    @Override
    public void rebind(int index, INDArray array) {
        inputs[index] = array;
        if (!(second == Second.AXIS && index == 1)) {
            context.setInputArray(index, array);
        }
    }
}
