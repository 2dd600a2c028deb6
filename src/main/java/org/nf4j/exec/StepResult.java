package org.nf4j.exec;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one run of a graph gives: the requested outputs by name and the gradients by variable name
 * (empty for a forward-only run). From a compiled plan these are the plan's own arrays: valid until
 * the next run of the same runner; {@code dup()} what must outlive it.
 */
public record StepResult(Map<String, INDArray> outputs, Map<String, INDArray> gradients) {
}
