package org.nf4j.model;

import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nf4j.flows.FlowKind;
import org.nf4j.flows.FlowOptions;
import org.nf4j.flows.FlowOutput;
import org.nf4j.nn.DenseLayer;
import org.nf4j.nn.Relu;
import org.nf4j.nn.StableMath;
import org.nf4j.nn.Trainables;

/**
 * A deep latent Gaussian model whose posterior is refined by K flow steps (Rezende and Mohamed
 * 2015, section 6.2). With x [batch, 784] and eps ~ N(0, I) [batch, D] fed in:
 * <pre>
 *   encoder  h = act(x W + b)  (ReLU, or maxout over {@code pieces})
 *            mu, log sigma, and for amortisable flows their per-example parameters (the IAF: its
 *            MADEs' contexts), from h through one linear head
 *   q0       z0 = mu + sigma * eps,  ln q0(z0) = -sum log sigma - |eps|^2/2 - D/2 ln 2 pi
 *   flow     z_K = f_K o ... o f_1 (z0)   (posterior only)
 *   decoder  logits = relu(z_K V1 + c1) V2 + c2,  ln p(x|z) = sum x l - softplus(l)
 *   free energy = ln q0 - sum ln|det J| - beta [ln p(x|z_K) + ln N(z_K; 0, I)]
 * </pre>
 * The plain -ELBO is the free energy at beta = 1.
 */
public final class DlgmModel {
    public static final int PIXELS = 784;
    static final double LOG_2PI = Math.log(2 * Math.PI);

    /** Output names. */
    public static final String LOSS = "loss";
    public static final String NEG_ELBO = "negElbo";
    public static final String NEG_ELBO_PER_EXAMPLE = "negElboPerExample";
    public static final String RECONSTRUCTION = "reconstruction";
    public static final String KL = "kl";
    public static final String LOG_DET = "logDet";
    public static final String PRIOR_SAMPLES = "priorMeans";
    public static final String RECONSTRUCTIONS = "reconstructionMeans";
    /** Decoder logits at the latent points fed as {@code zPrior}: ln p(x|z) = sum x l - softplus(l). */
    public static final String PRIOR_LOGITS = "priorLogits";
    /** The posterior samples before the flow, z0 = mu + sigma * eps [batch, D] (at eps = 0: the encoder's mean). */
    public static final String Z0 = "z0";
    /** The posterior samples after the flow, z_K [batch, D] (z0 itself for K = 0). */
    public static final String ZK = "zK";
    /**
     * With {@link Encoding#ONCE_PER_DIGIT}: zeros [1, S, 1] whose shape says how many rows (samples)
     * each digit of {@code x} becomes.
     */
    public static final String COPIES = "copies";

    /** How the rows of {@code eps} relate to the digits of {@code x}. */
    public enum Encoding {
        /** One row of eps per row of x (training, validation): the encoder runs on every row. */
        PER_ROW,
        /**
         * x holds n digits, eps n S rows (S = the length of {@link #COPIES}, digit after digit): the
         * encoder and its amortised flow parameters run once per digit and are repeated S times. The
         * same numbers as PER_ROW on x tiled S times, for a fraction of the encoder's cost: what
         * importance sampling wants (S = 200 samples of each digit).
         */
        ONCE_PER_DIGIT
    }

    private final SameDiff sd = SameDiff.create();
    private final int latent;
    private final Encoding encoding;

    /**
     * @param kind  the flow, or null with k = 0 for the diagonal-Gaussian baseline
     * @param flowInitScale standard deviation of the flow-parameter head's initial weights
     */
    public DlgmModel(FlowKind kind, int k, int latent, int hidden, int pieces, double flowInitScale, long seed) {
        this(kind, k, latent, hidden, pieces, flowInitScale, 1.0, FlowOptions.defaults(), seed);
    }

    /**
     * @param flowLrScale the flow-parameter head learns this many times faster than the rest: its
     *                    output is {@code c (h W + b)} with W drawn with std {@code flowInitScale / c},
     *                    so the initial flow parameters do not depend on c, while a scale-invariant
     *                    optimiser (Adam, RMSprop) moves W and b by ~lr per update and the flow
     *                    parameters by ~c lr
     */
    public DlgmModel(FlowKind kind, int k, int latent, int hidden, int pieces, double flowInitScale, double flowLrScale,
                     FlowOptions options, long seed) {
        this(kind, k, latent, hidden, pieces, flowInitScale, flowLrScale, options, seed, Encoding.PER_ROW);
    }

    /** The model with the given relation of {@code eps}' rows to {@code x}'s digits (same parameters for the same seed). */
    public DlgmModel(FlowKind kind, int k, int latent, int hidden, int pieces, double flowInitScale, double flowLrScale,
                     FlowOptions options, long seed, Encoding encoding) {
        this.latent = latent;
        this.encoding = encoding;
        Random rng = new Random(seed);
        DataType dt = Nd4j.defaultFloatingPointType();
        SDVariable digits = sd.placeHolder("x", dt, -1, PIXELS);
        SDVariable eps = sd.placeHolder("eps", dt, -1, latent);
        SDVariable beta = sd.placeHolder("beta", dt);
        SDVariable copies = encoding == Encoding.ONCE_PER_DIGIT ? sd.placeHolder(COPIES, dt, 1, -1, 1) : null;
        BiFunction<SDVariable, Integer, SDVariable> perRow = (v, width) -> copies == null ? v
                : sd.reshape(sd.expandDims(v, 1).add(copies), -1, width);
        SDVariable x = perRow.apply(digits, PIXELS);

        SDVariable pre = DenseLayer.he(sd, "enc/hidden", PIXELS, hidden * pieces, rng).apply(sd, digits);
        SDVariable h = pieces == 1 ? Relu.of(sd, pre) : sd.reshape(pre, -1, hidden, pieces).max(2);
        SDVariable mu = perRow.apply(DenseLayer.linear(sd, "enc/mu", hidden, latent, rng).apply(sd, h), latent);
        SDVariable logSigma = perRow.apply(new DenseLayer(sd, "enc/logSigma", hidden, latent, 0.01, rng).apply(sd, h), latent);
        SDVariable z0 = mu.add(eps.mul(sd.math.exp(logSigma)));
        SDVariable logQ0 = eps.mul(eps).sum(1).mul(-0.5).sub(logSigma.sum(1)).sub(0.5 * latent * LOG_2PI);

        SDVariable zK = z0;
        SDVariable logDet = null;
        if (k > 0) {
            int n = kind.amortisedSize(latent, k);
            SDVariable raw = n == 0 ? null
                    : new DenseLayer(sd, "enc/flow", hidden, n, flowInitScale / flowLrScale, rng).apply(sd, h);
            if (raw != null && flowLrScale != 1.0) {
                raw = raw.mul(flowLrScale);
            }
            if (raw != null) {
                raw = perRow.apply(raw, n);
            }
            FlowOutput out = kind.amortised(sd, "flow", latent, k, raw, options, rng).forward(z0);
            zK = out.z();
            logDet = out.logDet();
        }

        DenseLayer dec1 = DenseLayer.he(sd, "dec/hidden", latent, hidden, rng);
        DenseLayer dec2 = DenseLayer.linear(sd, "dec/logits", hidden, PIXELS, rng);
        SDVariable logits = dec2.apply(sd, Relu.of(sd, dec1.apply(sd, zK)));
        SDVariable logPx = x.mul(logits).sub(StableMath.softplus(sd, logits)).sum(1);
        SDVariable logPz = zK.mul(zK).sum(1).mul(-0.5).sub(0.5 * latent * LOG_2PI);

        SDVariable entropyTerm = logDet == null ? logQ0 : logQ0.sub(logDet);
        SDVariable joint = logPx.add(logPz);
        SDVariable free = entropyTerm.sub(joint.mul(beta));
        SDVariable negElbo = entropyTerm.sub(joint);
        sd.identity(LOSS, free.mean()).markAsLoss();
        sd.identity(NEG_ELBO_PER_EXAMPLE, negElbo);
        sd.identity(NEG_ELBO, negElbo.mean());
        sd.identity(RECONSTRUCTION, logPx.mean().neg());
        sd.identity(KL, entropyTerm.sub(logPz).mean());
        sd.identity(LOG_DET, logDet == null ? logQ0.mul(0.0).mean() : logDet.mean());
        sd.identity(RECONSTRUCTIONS, sd.nn.sigmoid(logits));
        sd.identity(Z0, z0);
        sd.identity(ZK, zK);

        SDVariable prior = sd.placeHolder("zPrior", dt, -1, latent);
        sd.identity(PRIOR_SAMPLES, sd.nn.sigmoid(dec2.apply(sd, Relu.of(sd, dec1.apply(sd, prior)))));
        sd.identity(PRIOR_LOGITS, dec2.apply(sd, Relu.of(sd, dec1.apply(sd, prior))));
    }

    /** How eps' rows relate to x's digits. */
    public Encoding encoding() {
        return encoding;
    }

    public SameDiff sameDiff() {
        return sd;
    }

    public int latent() {
        return latent;
    }

    /** The trainable variables, in graph order. */
    public List<String> trainableNames() {
        return Trainables.of(sd);
    }
}
