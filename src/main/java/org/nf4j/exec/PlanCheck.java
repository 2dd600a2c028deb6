package org.nf4j.exec;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The check every new plan passes before it is used: its first results equal SameDiff's for the
 * same feed (same names, shapes and types; values to 1e-12 relative in double, 1e-5 in float).
 * The same native kernels run on the same inputs, so they are normally identical; a difference
 * means the plan does something the session does not.
 */
final class PlanCheck {
    private PlanCheck() {
    }

    static void sameAs(OutAndGrad reference, StepResult plan) {
        compare("output", reference.getOutputs(), plan.outputs());
        compare("gradient of", reference.getGradients() == null ? Map.of() : reference.getGradients(), plan.gradients());
    }

    private static void compare(String what, Map<String, INDArray> expected, Map<String, INDArray> actual) {
        if (!expected.keySet().equals(actual.keySet())) {
            throw new UnsupportedGraphException("the plan gives " + what + " " + actual.keySet() + ", SameDiff " + expected.keySet());
        }
        for (Map.Entry<String, INDArray> e : expected.entrySet()) {
            INDArray a = actual.get(e.getKey());
            INDArray b = e.getValue();
            if (!Arrays.equals(a.shape(), b.shape()) || a.dataType() != b.dataType()) {
                throw new UnsupportedGraphException(String.format(Locale.ROOT, "the plan's %s %s is %s %s, SameDiff's %s %s",
                        what, e.getKey(), a.dataType(), Arrays.toString(a.shape()), b.dataType(), Arrays.toString(b.shape())));
            }
            if (!a.dataType().isFPType()) {
                if (!a.equals(b)) {
                    throw new UnsupportedGraphException("the plan's " + what + " " + e.getKey() + " differs from SameDiff's");
                }
                continue;
            }
            double[] x = a.dup('c').castTo(DataType.DOUBLE).data().asDouble();
            double[] y = b.dup('c').castTo(DataType.DOUBLE).data().asDouble();
            double tol = a.dataType() == DataType.DOUBLE ? 1e-12 : 1e-5;
            for (int i = 0; i < x.length; i++) {
                boolean same = Double.compare(x[i], y[i]) == 0 || Math.abs(x[i] - y[i]) <= tol * Math.max(1.0, Math.abs(y[i]));
                if (!same) {
                    throw new UnsupportedGraphException(String.format(Locale.ROOT,
                            "the plan's %s %s differs from SameDiff's at %d: %s vs %s", what, e.getKey(), i, x[i], y[i]));
                }
            }
        }
    }
}
