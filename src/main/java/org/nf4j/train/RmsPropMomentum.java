package org.nf4j.train;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * RMSprop with momentum, the optimiser of Rezende and Mohamed (2015), as PyTorch's
 * {@code RMSprop(momentum=m)} defines it (ND4J's {@code RmsProp} has no momentum):
 * <pre>
 *   r = a r + (1 - a) g^2,   v = m v + g / (sqrt(r) + eps),   theta = theta - lr v
 * </pre>
 * with r and v starting at 0. Defaults a = 0.99, m = 0.9, eps = 1e-8 (PyTorch's, with the paper's
 * momentum). State per parameter: r, then v. {@link ParameterUpdater} applies it as a Java loop
 * ({@link RmsPropMomentumStep}); {@link #instantiate} gives the same update with ND4J operations for
 * anything that drives ND4J updaters itself.
 */
public final class RmsPropMomentum implements IUpdater {
    public static final double DEFAULT_DECAY = 0.99;
    public static final double DEFAULT_MOMENTUM = 0.9;
    public static final double DEFAULT_EPSILON = 1e-8;

    private double learningRate;
    private ISchedule schedule;
    private final double decay;
    private final double momentum;
    private final double epsilon;

    public RmsPropMomentum(double learningRate, double decay, double momentum, double epsilon) {
        if (!(decay >= 0 && decay < 1) || !(momentum >= 0 && momentum < 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("RMSprop needs 0 <= decay < 1, 0 <= momentum < 1 and epsilon > 0, got "
                    + decay + ", " + momentum + ", " + epsilon);
        }
        this.learningRate = learningRate;
        this.decay = decay;
        this.momentum = momentum;
        this.epsilon = epsilon;
    }

    public double decay() {
        return decay;
    }

    public double momentum() {
        return momentum;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public long stateSize(long numParams) {
        return 2 * numParams;
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        RmsPropMomentumUpdater u = new RmsPropMomentumUpdater(this);
        INDArray flat = viewArray.reshape(viewArray.length());
        u.setStateViewArray(flat, flat.shape(), flat.ordering(), initializeViewArray);
        return u;
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> updaterState, boolean initializeStateArrays) {
        RmsPropMomentumUpdater u = new RmsPropMomentumUpdater(this);
        u.setState(updaterState, initializeStateArrays);
        return u;
    }

    @Override
    public RmsPropMomentum clone() {
        RmsPropMomentum c = new RmsPropMomentum(learningRate, decay, momentum, epsilon);
        c.schedule = schedule == null ? null : schedule.clone();
        return c;
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return schedule != null ? schedule.valueAt(iteration, epoch) : learningRate;
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        this.learningRate = lr;
        this.schedule = lrSchedule;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RmsPropMomentum r && r.learningRate == learningRate && r.decay == decay
                && r.momentum == momentum && r.epsilon == epsilon && java.util.Objects.equals(r.schedule, schedule);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(learningRate, decay, momentum, epsilon);
    }

    @Override
    public String toString() {
        return "RmsPropMomentum(lr=" + learningRate + ", decay=" + decay + ", momentum=" + momentum + ", eps=" + epsilon + ")";
    }
}
