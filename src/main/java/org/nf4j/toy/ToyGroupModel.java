package org.nf4j.toy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nf4j.flows.FlowKind;
import org.nf4j.flows.FlowOptions;
import org.nf4j.flows.FlowOutput;
import org.nf4j.flows.Groups;
import org.nf4j.nn.Trainables;
import org.nf4j.targets.Energy2D;

/**
 * The graph of several 2-D fits with the same flow, K and seed trained side by side: group g is a
 * {@link ToyModel} of target g (its own q0 and its own copy of the flow, see
 * {@link FlowKind#grouped}), fed the rows {@code [g * batch, (g + 1) * batch)} of eps. The loss is
 * the sum of the groups' mean free energies, so each group's gradient is its own model's; with
 * per-group clipping ({@link org.nf4j.train.ParameterUpdater}) and the same eps in every group, each
 * group follows the trajectory its {@link ToyModel} would follow alone. One graph of G groups costs
 * far fewer SameDiff ops than G graphs: the flow's chain is shared, only the energies are per group.
 */
public final class ToyGroupModel {
    private final SameDiff sd;
    private final List<Energy2D> targets;
    private final FlowKind kind;
    private final int k;
    private final FlowOptions options;
    private final long seed;
    private final SDVariable loss;
    private final SDVariable perGroup;
    private INDArray membership;

    public ToyGroupModel(List<Energy2D> targets, FlowKind kind, int k, FlowOptions options, long seed) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a group needs at least one target");
        }
        this.targets = List.copyOf(targets);
        this.kind = kind;
        this.k = k;
        this.options = options;
        this.seed = seed;
        int groups = targets.size();
        sd = SameDiff.create();
        DataType dt = Nd4j.defaultFloatingPointType();
        SDVariable eps = sd.placeHolder("eps", dt, -1, 2);
        SDVariable beta = sd.placeHolder("beta", dt);
        SDVariable membership = sd.placeHolder("membership", dt, -1, groups);
        SDVariable mu = sd.var("q0/mu", Nd4j.zeros(dt, groups, 2));
        SDVariable logSigma = sd.var("q0/logSigma", Nd4j.zeros(dt, groups, 2));
        SDVariable logSigmaRows = membership.mmul(logSigma);
        SDVariable z0 = membership.mmul(mu).add(eps.mul(sd.math.exp(logSigmaRows)));
        SDVariable logQ0 = eps.mul(eps).sum(1).mul(-0.5).sub(logSigmaRows.sum(1)).sub(ToyModel.LOG_2PI);
        FlowOutput out = kind.grouped(sd, "flow", 2, k, membership, groups, options, new Random(seed)).forward(z0);
        SDVariable[] zs = groups == 1 ? new SDVariable[] {out.z()} : sd.unstack(sd.reshape(out.z(), groups, -1, 2), 0, groups);
        SDVariable[] energies = new SDVariable[groups];
        for (int g = 0; g < groups; g++) {
            energies[g] = targets.get(g).energy(sd, zs[g]);
        }
        SDVariable energy = groups == 1 ? energies[0] : sd.concat(0, energies);
        SDVariable perSample = logQ0.sub(out.logDet()).add(energy.mul(beta));
        perGroup = sd.identity("perGroup", sd.reshape(perSample, groups, -1).mean(1));
        loss = sd.identity("loss", perGroup.sum());
        loss.markAsLoss();
    }

    public SameDiff sameDiff() {
        return sd;
    }

    /** The targets, in group order. */
    public List<Energy2D> targets() {
        return targets;
    }

    /** Name of the sum of the groups' mean free energies (the training loss). */
    public String lossName() {
        return loss.name();
    }

    /** Name of each group's mean free energy, {@code [groups]}. */
    public String perGroupName() {
        return perGroup.name();
    }

    /** All trainable variables: each stacks the groups' copies along axis 0. */
    public List<String> trainableNames() {
        return Trainables.of(sd);
    }

    /** The feed for one update: the same {@code eps [batch, 2]} for every group. */
    public Map<String, INDArray> feed(INDArray eps, double beta) {
        int groups = targets.size();
        INDArray[] copies = new INDArray[groups];
        Arrays.fill(copies, eps);
        DataType dt = Nd4j.defaultFloatingPointType();
        if (membership == null || membership.size(0) != groups * eps.size(0)) {
            membership = Groups.membership(groups, (int) eps.size(0), dt);
        }
        return Map.of("eps", groups == 1 ? eps : Nd4j.concat(0, copies), "beta", Nd4j.scalar(dt, beta),
                "membership", membership);
    }

    /** Group g as a stand-alone {@link ToyModel} of its target, holding group g's current parameters. */
    public ToyModel model(int g) {
        ToyModel single = new ToyModel(targets.get(g), kind, k, options, seed);
        List<String> names = single.trainableNames();
        if (!names.equals(trainableNames())) {
            throw new IllegalStateException("group and single graphs differ: " + trainableNames() + " vs " + names);
        }
        for (String n : names) {
            INDArray part = Groups.part(sd.getVariable(n).getArr(), g, targets.size());
            INDArray dest = single.sameDiff().getVariable(n).getArr();
            dest.assign(part.reshape(dest.shape()));
        }
        return single;
    }

    /** The targets' names, comma-separated. */
    public String targetNames() {
        List<String> names = new ArrayList<>();
        for (Energy2D t : targets) {
            names.add(t.name());
        }
        return String.join(",", names);
    }
}
