package org.nf4j.toy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nf4j.flows.Flow;
import org.nf4j.flows.FlowKind;
import org.nf4j.flows.FlowOptions;
import org.nf4j.flows.FlowOutput;
import org.nf4j.nn.Trainables;
import org.nf4j.targets.Energy2D;

/**
 * The graph of a 2-D fit. With eps ~ N(0, I) fed in,
 * <pre>
 *   z0 = mu + sigma * eps,   ln q0(z0) = -sum log sigma - |eps|^2 / 2 - ln(2 pi)
 *   z_K = f_K o ... o f_1(z0)
 *   per sample: ln q0(z0) - sum_k ln|det J_k| + beta U(z_K)
 * </pre>
 * whose mean is the annealed free energy; at beta = 1 it is the variational bound
 * E_q[ln q_K(z) + U(z)] = KL(q_K || p) - ln Z.
 */
public final class ToyModel {
    static final double LOG_2PI = Math.log(2 * Math.PI);

    private final SameDiff sd;
    private final Flow flow;
    private final SDVariable mu;
    private final SDVariable logSigma;
    private final SDVariable perSample;
    private final SDVariable loss;
    private final SDVariable zK;
    private String logDensityName;

    public ToyModel(Energy2D target, FlowKind kind, int k, FlowOptions options, long seed) {
        sd = SameDiff.create();
        DataType dt = Nd4j.defaultFloatingPointType();
        SDVariable eps = sd.placeHolder("eps", dt, -1, 2);
        SDVariable beta = sd.placeHolder("beta", dt);
        mu = sd.var("q0/mu", Nd4j.zeros(dt, 1, 2));
        logSigma = sd.var("q0/logSigma", Nd4j.zeros(dt, 1, 2));
        SDVariable z0 = mu.add(eps.mul(sd.math.exp(logSigma)));
        SDVariable logQ0 = eps.mul(eps).sum(1).mul(-0.5).sub(logSigma.sum()).sub(LOG_2PI);
        flow = kind.global(sd, "flow", 2, k, options, new Random(seed));
        FlowOutput out = flow.forward(z0);
        zK = out.z();
        perSample = sd.identity("perSample", logQ0.sub(out.logDet()).add(target.energy(sd, zK).mul(beta)));
        loss = sd.identity("loss", perSample.mean());
        loss.markAsLoss();
    }

    public SameDiff sameDiff() {
        return sd;
    }

    public Flow flow() {
        return flow;
    }

    /** Name of the per-sample free energy [batch]. */
    public String perSampleName() {
        return perSample.name();
    }

    /** Name of the mean free energy (the training loss). */
    public String lossName() {
        return loss.name();
    }

    /** Name of the samples z_K [batch, 2]. */
    public String samplesName() {
        return zK.name();
    }

    /** All trainable variables: q0's mean and log-scale and the flow's parameters. */
    public List<String> trainableNames() {
        return Trainables.of(sd);
    }

    /**
     * ln q_K at the given points [n][2], through the inverse flow:
     * ln q_K(z) = ln q0(x) - ln|det J(x)|, x = f^{-1}(z). The first call adds the ops to the graph,
     * so call it only after training, and only if the flow has an inverse.
     */
    public double[] logDensity(double[][] points) {
        if (logDensityName == null) {
            logDensityName = addLogDensity();
        }
        INDArray in = Nd4j.create(points).castTo(mu.dataType());
        return sd.output(Map.of("grid", in), logDensityName).get(logDensityName).toDoubleVector();
    }

    private String addLogDensity() {
        SDVariable grid = sd.placeHolder("grid", mu.dataType(), -1, 2);
        SDVariable x = flow.inverse(grid);
        FlowOutput fx = flow.forward(x);
        SDVariable e = x.sub(mu).mul(sd.math.exp(logSigma.neg()));
        SDVariable logQ0 = e.mul(e).sum(1).mul(-0.5).sub(logSigma.sum()).sub(LOG_2PI);
        return sd.identity("logQK", logQ0.sub(fx.logDet())).name();
    }
}
