package org.nf4j.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * {@link RmsPropMomentum} with ND4J operations on its state view [r, v]: turns the gradient into the
 * update to subtract, as ND4J's updaters do.
 */
final class RmsPropMomentumUpdater implements GradientUpdater<RmsPropMomentum> {
    static final String R = "r";
    static final String V = "v";

    private final RmsPropMomentum config;
    private INDArray r;
    private INDArray v;

    RmsPropMomentumUpdater(RmsPropMomentum config) {
        this.config = config;
    }

    @Override
    public RmsPropMomentum getConfig() {
        return config;
    }

    @Override
    public void setState(Map<String, INDArray> stateMap, boolean initialize) {
        if (!stateMap.containsKey(R) || !stateMap.containsKey(V) || stateMap.size() != 2) {
            throw new IllegalStateException("RMSprop state needs exactly the keys r and v, got " + stateMap.keySet());
        }
        r = stateMap.get(R);
        v = stateMap.get(V);
        if (initialize) {
            r.assign(0);
            v.assign(0);
        }
    }

    @Override
    public Map<String, INDArray> getState() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put(R, r);
        m.put(V, v);
        return m;
    }

    @Override
    public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
        INDArray flat = viewArray.reshape(viewArray.length());
        long n = flat.length() / 2;
        if (initialize) {
            flat.assign(0);
        }
        r = flat.get(NDArrayIndex.interval(0, n));
        v = flat.get(NDArrayIndex.interval(n, 2 * n));
    }

    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        INDArray g = gradient.reshape(r.shape());
        double a = config.decay();
        r.muli(a).addi(g.mul(g).muli(1 - a));
        v.muli(config.momentum()).addi(g.div(Transforms.sqrt(r, true).addi(config.epsilon())));
        gradient.assign(v.mul(config.getLearningRate(iteration, epoch)).reshape(gradient.shape()));
    }
}
