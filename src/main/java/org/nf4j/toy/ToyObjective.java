package org.nf4j.toy;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nf4j.train.Objective;
import org.nf4j.train.StepNoise;

/**
 * The annealed free energy of a 2-D fit, fresh samples of q0 every update (the noise of update t
 * drawn from (seed, t)): one target ({@link ToyModel}) or several trained together in one graph
 * ({@link ToyGroupModel}), each a group of its own.
 */
final class ToyObjective implements Objective {
    private final SameDiff sd;
    private final List<String> trainables;
    private final List<String> groups;
    private final List<String> outputs;
    private final BiFunction<INDArray, Double, Map<String, INDArray>> feed;
    private final StepNoise noise;
    private final int batch;

    private ToyObjective(SameDiff sd, List<String> trainables, List<String> groups, List<String> outputs,
                         BiFunction<INDArray, Double, Map<String, INDArray>> feed, ToyConfig config) {
        this.sd = sd;
        this.trainables = trainables;
        this.groups = groups;
        this.outputs = outputs;
        this.feed = feed;
        this.noise = new StepNoise(config.seed());
        this.batch = config.batch();
    }

    /** One target's fit. */
    static ToyObjective of(ToyModel model, ToyConfig config) {
        return new ToyObjective(model.sameDiff(), model.trainableNames(), List.of(config.target()),
                List.of(model.lossName()),
                (eps, beta) -> Map.of("eps", eps, "beta", Nd4j.scalar(Nd4j.defaultFloatingPointType(), beta)), config);
    }

    /** The fits of a group's targets, each with its own loss. */
    static ToyObjective of(ToyGroupModel model, ToyConfig config) {
        List<String> names = model.targets().stream().map(t -> t.name()).toList();
        return new ToyObjective(model.sameDiff(), model.trainableNames(), names,
                List.of(model.lossName(), model.perGroupName()), model::feed, config);
    }

    @Override
    public SameDiff sameDiff() {
        return sd;
    }

    @Override
    public List<String> trainables() {
        return trainables;
    }

    @Override
    public List<String> groups() {
        return groups;
    }

    @Override
    public List<String> outputs(boolean monitored) {
        return outputs;
    }

    @Override
    public Map<String, INDArray> feed(long step, double beta) {
        return feed.apply(noise.at(step, batch, 2), beta);
    }

    @Override
    public double[] losses(Map<String, INDArray> out) {
        return out.get(outputs.get(outputs.size() - 1)).toDoubleVector();
    }

    @Override
    public long examplesLastUpdate() {
        return (long) batch * groups.size();
    }
}
