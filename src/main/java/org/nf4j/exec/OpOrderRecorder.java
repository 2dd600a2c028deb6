package org.nf4j.exec;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Listens to one SameDiff execution and keeps the ops in the order the session ran them, with the
 * SameDiff instance that ran them (the gradient function for a gradient call).
 */
final class OpOrderRecorder extends BaseListener {
    private final List<String> opNames = new ArrayList<>();
    private SameDiff executed;

    @Override
    public boolean isActive(Operation operation) {
        return true;
    }

    @Override
    public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext opContext, INDArray[] outputs) {
        if (executed == null) {
            executed = sd;
        } else if (executed != sd) {
            throw new UnsupportedGraphException("ops ran in two SameDiff instances (a nested function call)");
        }
        opNames.add(op.getName());
    }

    List<String> opNames() {
        return opNames;
    }

    /** The instance the ops belong to, or null when no op ran. */
    SameDiff executed() {
        return executed;
    }
}
