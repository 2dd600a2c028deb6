package org.nf4j.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nf4j.data.Binarization;
import org.nf4j.data.IteratorState;
import org.nf4j.data.MnistBatch;
import org.nf4j.data.MnistIterator;
import org.nf4j.data.MnistIteratorConfig;
import org.nf4j.data.MnistSplitData;
import org.nf4j.exec.GraphRunner;
import org.nf4j.logging.EventWriter;
import org.nf4j.model.DlgmModel;
import org.nf4j.plot.ImageGrid;

/**
 * The annealed free energy of a {@link DlgmModel} on binarised MNIST batches (the noise of update
 * t drawn from (seed, t)), with the terms of the bound logged on monitored updates, and as held-out
 * score the mean -ELBO over the validation digits (static binarisation, fixed noise; none when the
 * run trains on every digit), with prior samples and reconstructions as TensorBoard images.
 */
public final class DlgmObjective implements Objective, AutoCloseable {
    static final long VALIDATION_NOISE_SEED = 77;
    private static final List<String> LOSS_ONLY = List.of(DlgmModel.LOSS);
    private static final List<String> MONITORED = List.of(DlgmModel.LOSS, DlgmModel.NEG_ELBO, DlgmModel.RECONSTRUCTION,
            DlgmModel.KL, DlgmModel.LOG_DET);

    private final DlgmModel model;
    private final MnistIterator batches;
    private final MnistSplitData train;
    private final MnistSplitData validation;
    private final GraphRunner validationPass;
    private final StepNoise noise;
    private long lastBatch;
    private double lastNegElbo = Double.NaN;

    /**
     * @param validation     held-out digits, or null for none (no held-out score)
     * @param validationPass outputs {@link DlgmModel#NEG_ELBO_PER_EXAMPLE} of {@code model}
     */
    public DlgmObjective(DlgmModel model, MnistSplitData train, MnistIteratorConfig data, long noiseSeed,
                         MnistSplitData validation, GraphRunner validationPass) {
        this.model = model;
        this.batches = new MnistIterator(train, data);
        this.train = train;
        this.validation = validation;
        this.validationPass = validationPass;
        this.noise = new StepNoise(noiseSeed);
    }

    @Override
    public org.nd4j.autodiff.samediff.SameDiff sameDiff() {
        return model.sameDiff();
    }

    @Override
    public List<String> trainables() {
        return model.trainableNames();
    }

    @Override
    public List<String> groups() {
        return List.of("mnist");
    }

    @Override
    public List<String> outputs(boolean monitored) {
        return monitored ? MONITORED : LOSS_ONLY;
    }

    @Override
    public Map<String, INDArray> feed(long step, double beta) {
        if (!batches.hasNext()) {
            batches.nextEpoch();
        }
        MnistBatch batch = batches.next();
        lastBatch = batch.size();
        return feed(batch.features(), noise.at(step, batch.size(), model.latent()), beta);
    }

    private static Map<String, INDArray> feed(INDArray x, INDArray eps, double beta) {
        Map<String, INDArray> feed = new HashMap<>();
        feed.put("x", x.castTo(Nd4j.defaultFloatingPointType()));
        feed.put("eps", eps);
        feed.put("beta", Nd4j.scalar(Nd4j.defaultFloatingPointType(), beta));
        return feed;
    }

    @Override
    public double[] losses(Map<String, INDArray> outputs) {
        return new double[]{outputs.get(DlgmModel.LOSS).getDouble(0)};
    }

    @Override
    public Map<String, Double> monitored(Map<String, INDArray> outputs, int group) {
        lastNegElbo = outputs.get(DlgmModel.NEG_ELBO).getDouble(0);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("train/neg_elbo", lastNegElbo);
        m.put("train/reconstruction", outputs.get(DlgmModel.RECONSTRUCTION).getDouble(0));
        m.put("train/kl", outputs.get(DlgmModel.KL).getDouble(0));
        m.put("train/sum_log_det", outputs.get(DlgmModel.LOG_DET).getDouble(0));
        return m;
    }

    /** Batches in one epoch of the training digits. */
    public int batchesPerEpoch() {
        return batches.batchesPerEpoch();
    }

    /** The -ELBO of the last monitored update (NaN before the first). */
    public double lastNegElbo() {
        return lastNegElbo;
    }

    @Override
    public long examplesLastUpdate() {
        return lastBatch;
    }

    @Override
    public IteratorState position() {
        return batches.state();
    }

    @Override
    public void resumeAt(IteratorState position) {
        if (position == null) {
            throw new IllegalStateException("the checkpoint has no data position: it is not from an MNIST run");
        }
        batches.restore(position);
    }

    @Override
    public String progress() {
        return String.format(Locale.ROOT, "epoch %d | -elbo %s", batches.epoch(),
                Double.isNaN(lastNegElbo) ? "-" : String.format(Locale.ROOT, "%.2f", lastNegElbo));
    }

    @Override
    public double validate(long step, EventWriter events) {
        double v = validation == null ? Double.NaN : negElbo(validationPass, model.latent(), validation);
        if (events != null) {
            if (validation != null) {
                events.scalar("validation/neg_elbo", step, v);
            }
            writeImages(events, step);
        }
        return v;
    }

    /** Mean -ELBO (beta = 1) over a whole split (static binarisation, fixed noise), run by {@code pass}. */
    static double negElbo(GraphRunner pass, int latent, MnistSplitData split) {
        MnistIteratorConfig vc = MnistIteratorConfig.defaults().withBatchSize(500).withBinarization(Binarization.STATIC)
                .withShuffle(false);
        StepNoise noise = new StepNoise(VALIDATION_NOISE_SEED);
        double sum = 0;
        long n = 0;
        long chunk = 0;
        try (MnistIterator it = new MnistIterator(split, vc)) {
            while (it.hasNext()) {
                MnistBatch b = it.next();
                org.nf4j.runtime.NativeGarbage.collectIfDue();
                INDArray v = pass.run(feed(b.features(), noise.at(chunk++, b.size(), latent), 1.0)).outputs()
                        .get(DlgmModel.NEG_ELBO_PER_EXAMPLE);
                sum += v.sumNumber().doubleValue();
                n += b.size();
            }
        }
        return sum / n;
    }

    private void writeImages(EventWriter events, long step) {
        int n = 64;
        INDArray prior = new StepNoise(VALIDATION_NOISE_SEED + 1).at(0, n, model.latent());
        INDArray samples = model.sameDiff().output(Map.of("zPrior", prior), DlgmModel.PRIOR_SAMPLES).get(DlgmModel.PRIOR_SAMPLES);
        events.image("samples/prior", step, ImageGrid.png(rows(samples), 28, 28, 8, 1), 8 * 29 + 1, 8 * 29 + 1);
        MnistIteratorConfig vc = MnistIteratorConfig.defaults().withBatchSize(32).withBinarization(Binarization.STATIC)
                .withShuffle(false);
        try (MnistIterator it = new MnistIterator(validation != null ? validation : train, vc)) {
            MnistBatch b = it.next();
            List<double[]> originals = rows(b.features());
            Map<String, INDArray> feed = feed(b.features(), new StepNoise(VALIDATION_NOISE_SEED + 2).at(0, b.size(), model.latent()), 1.0);
            INDArray rec = model.sameDiff().output(feed, DlgmModel.RECONSTRUCTIONS).get(DlgmModel.RECONSTRUCTIONS);
            List<double[]> pairs = new ArrayList<>();
            for (int i = 0; i < b.size(); i++) {
                pairs.add(originals.get(i));
                pairs.add(rec.getRow(i).toDoubleVector());
            }
            events.image("samples/reconstructions", step, ImageGrid.png(pairs, 28, 28, 8, 1), 8 * 29 + 1, 8 * 29 + 1);
        }
    }

    private static List<double[]> rows(INDArray a) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < a.rows(); i++) {
            out.add(a.getRow(i).toDoubleVector());
        }
        return out;
    }

    @Override
    public void close() {
        batches.close();
    }
}
