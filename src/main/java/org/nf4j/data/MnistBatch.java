package org.nf4j.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One minibatch.
 *
 * @param features float32 [batch, pixels] of 0/1 values
 * @param labels float32 one-hot [batch, 10], or null when labels are not requested
 * @param indices the examples' indices in their split, in batch order
 * @param epoch the epoch the batch belongs to
 */
public record MnistBatch(INDArray features, INDArray labels, int[] indices, int epoch) {
    /** @return number of examples in the batch */
    public int size() {
        return indices.length;
    }
}
