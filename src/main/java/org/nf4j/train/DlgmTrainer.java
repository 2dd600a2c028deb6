package org.nf4j.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nf4j.config.TrainConfig;
import org.nf4j.data.Binarization;
import org.nf4j.data.IteratorState;
import org.nf4j.data.MnistBatch;
import org.nf4j.data.MnistIterator;
import org.nf4j.data.MnistIteratorConfig;
import org.nf4j.data.MnistSplitData;
import org.nf4j.exec.Executor;
import org.nf4j.exec.GraphRunner;
import org.nf4j.exec.StepResult;
import org.nf4j.flows.FlowKind;
import org.nf4j.flows.FlowOptions;
import org.nf4j.logging.EventWriter;
import org.nf4j.model.DlgmModel;
import org.nf4j.plot.ImageGrid;
import org.nf4j.runtime.NativeGarbage;

/**
 * Trains a {@link DlgmModel} on binarised MNIST with the annealed free energy: checkpoints every N
 * updates and at the end (atomic, the last few kept, plus the best on validation -ELBO), exact
 * resume, TensorBoard scalars and images, one console progress line, and a stop with a clear
 * message the moment the loss or a gradient is not finite.
 */
public final class DlgmTrainer {
    /** Scalars go to TensorBoard every this many updates. */
    static final int LOG_EVERY = 50;
    static final long VALIDATION_NOISE_SEED = 77;

    private final TrainConfig config;
    private final Path runDir;
    private final Path logDir;
    private final PrintStream out;

    public DlgmTrainer(TrainConfig config, Path runDir, Path logDir, PrintStream out) {
        this.config = config;
        this.runDir = runDir;
        this.logDir = logDir;
        this.out = out;
    }

    /** What a finished run reports. */
    public record Result(long steps, double trainNegElbo, double validationNegElbo, double examplesPerSecond,
                         Path lastCheckpoint, Map<String, INDArray> params, DlgmModel model) {
    }

    static IUpdater updater(TrainConfig c) {
        return switch (c.optimizer()) {
            case "rmsprop" -> new RmsProp(c.lr(), 0.95, 1e-6);
            case "rmsprop-momentum" -> new RmsPropMomentum(c.lr(), c.rmsDecay(), c.momentum(), c.rmsEpsilon());
            default -> new Adam(c.lr());
        };
    }

    public static DlgmModel model(TrainConfig c) {
        FlowKind kind = c.k() == 0 ? null : FlowKind.parse(c.flow());
        return new DlgmModel(kind, c.k(), c.latent(), c.hidden(), c.maxoutPieces(), c.flowInitScale(), c.flowLrScale(),
                FlowOptions.defaults().withPlanarCentred(c.planarCentred()), c.seed());
    }

    /**
     * @param train      training images
     * @param validation validation images
     * @param resume     continue from the newest readable checkpoint in the run's folder
     */
    public Result run(MnistSplitData train, MnistSplitData validation, boolean resume) throws IOException {
        DlgmModel model = model(config);
        List<String> params = model.trainableNames();
        ParameterUpdater updater = new ParameterUpdater(model.sameDiff(), params, updater(config));
        CheckpointStore store = new CheckpointStore(runDir.resolve("checkpoints"), config.keepCheckpoints());
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve("config.properties"), config.toProperties());

        MnistIteratorConfig iterConfig = MnistIteratorConfig.defaults().withBatchSize(config.batch())
                .withBinarization(Binarization.valueOf(config.binarization().toUpperCase(Locale.ROOT)))
                .withShuffleSeed(config.seed()).withBinarizationSeed(config.seed() + 1);
        long step = 0;
        double best = Double.POSITIVE_INFINITY;
        IteratorState state = null;
        if (resume) {
            Optional<Checkpoint> c = store.latest(out);
            if (c.isEmpty()) {
                throw new IllegalStateException("nothing to resume in " + store.dir() + ": no readable checkpoint");
            }
            if (c.get().iterator() == null) {
                throw new IllegalStateException("the checkpoints in " + store.dir() + " have no data position: they are not from an MNIST run");
            }
            checkSameOptimizer(c.get(), store.dir());
            c.get().restoreInto(model.sameDiff(), updater);
            step = c.get().step();
            best = c.get().bestValidation();
            state = c.get().iterator();
        }
        StepNoise noise = new StepNoise(config.seed());
        AnnealingSchedule schedule = new AnnealingSchedule(0.01, config.annealSteps());
        Path last = null;
        double lastNegElbo = Double.NaN;
        double lastValidation = Double.NaN;
        long examples = 0;
        long startNanos = System.nanoTime();
        try (MnistIterator it = state == null ? new MnistIterator(train, iterConfig) : new MnistIterator(train, iterConfig, state);
             EventWriter events = new EventWriter(logDir)) {
            long total = config.steps() > 0 ? config.steps() : (long) config.epochs() * it.batchesPerEpoch();
            if (step == 0) {
                events.text("config", 0, "```\n" + config.toProperties() + "```");
            }
            ProgressLine progress = new ProgressLine(out, step, total, 5_000);
            // the monitoring terms cost extra ops: they are computed only on the updates that log them
            List<String> lossOnly = List.of(DlgmModel.LOSS);
            List<String> monitored = List.of(DlgmModel.LOSS, DlgmModel.NEG_ELBO, DlgmModel.RECONSTRUCTION, DlgmModel.KL,
                    DlgmModel.LOG_DET);
            Executor executor = Executor.parse(config.executor());
            GraphRunner lossStep = GraphRunner.gradients(model.sameDiff(), lossOnly, params, executor);
            GraphRunner monitoredStep = GraphRunner.gradients(model.sameDiff(), monitored, params, executor);
            GraphRunner validationPass = validationRunner(model, executor);
            while (step < total) {
                if (!it.hasNext()) {
                    it.nextEpoch();
                }
                MnistBatch batch = it.next();
                double beta = schedule.beta(step);
                Map<String, INDArray> feed = new HashMap<>();
                feed.put("x", batch.features().castTo(Nd4j.defaultFloatingPointType()));
                feed.put("eps", noise.at(step, batch.size(), config.latent()));
                feed.put("beta", Nd4j.scalar(Nd4j.defaultFloatingPointType(), beta));
                boolean log = (step + 1) % LOG_EVERY == 0 || step + 1 == total;
                NativeGarbage.collectIfDue();
                StepResult result = (log ? monitoredStep : lossStep).run(feed);
                Map<String, INDArray> o = result.outputs();
                double loss = o.get(DlgmModel.LOSS).getDouble(0);
                double gradNorm = Double.isFinite(loss) ? updater.apply(result.gradients(), (int) step, config.clipNorm()) : Double.NaN;
                if (!Double.isFinite(loss) || !Double.isFinite(gradNorm)) {
                    throw new TrainingDivergedException(String.format(Locale.ROOT,
                            "training stopped at step %d: the %s is not finite (loss %s, gradient norm %s); the parameters "
                                    + "were not updated and no checkpoint was written with them. Last good checkpoint: %s. "
                                    + "Resume with --resume and a smaller --lr or --clip-norm.",
                            step, Double.isFinite(loss) ? "gradient" : "loss", loss, gradNorm, last == null ? "none" : last));
                }
                step++;
                examples += batch.size();
                double rate = examples / ((System.nanoTime() - startNanos) / 1e9);
                if (log) {
                    lastNegElbo = o.get(DlgmModel.NEG_ELBO).getDouble(0);
                    events.scalar("train/free_energy", step, loss);
                    events.scalar("train/neg_elbo", step, lastNegElbo);
                    events.scalar("train/reconstruction", step, o.get(DlgmModel.RECONSTRUCTION).getDouble(0));
                    events.scalar("train/kl", step, o.get(DlgmModel.KL).getDouble(0));
                    events.scalar("train/sum_log_det", step, o.get(DlgmModel.LOG_DET).getDouble(0));
                    events.scalar("train/beta", step, beta);
                    events.scalar("train/learning_rate", step, config.lr());
                    events.scalar("train/grad_norm", step, gradNorm);
                    events.scalar("train/examples_per_s", step, rate);
                }
                boolean validate = step % config.validateEvery() == 0 || step == total;
                if (validate) {
                    lastValidation = negElbo(validationPass, model.latent(), validation);
                    events.scalar("validation/neg_elbo", step, lastValidation);
                    writeImages(model, validation, events, step);
                }
                boolean checkpoint = step % config.checkpointEvery() == 0 || step == total;
                if (checkpoint || (validate && lastValidation < best)) {
                    Checkpoint c = Checkpoint.capture(model.sameDiff(), updater, step, it.state(),
                            Math.min(best, validate ? lastValidation : best), config.toProperties());
                    if (checkpoint) {
                        last = store.save(c);
                    }
                    if (validate && lastValidation < best) {
                        best = lastValidation;
                        store.saveBest(c);
                    }
                }
                progress.update(step, String.format(Locale.ROOT, "epoch %d | loss %.2f | -elbo %s | beta %.2f | %.0f ex/s%s",
                        it.epoch(), loss, Double.isNaN(lastNegElbo) ? "-" : String.format(Locale.ROOT, "%.2f", lastNegElbo),
                        beta, rate,
                        Double.isNaN(lastValidation) ? "" : String.format(Locale.ROOT, " | val -elbo %.2f", lastValidation)));
            }
            double rate = examples / Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
            Map<String, INDArray> values = new HashMap<>();
            for (String p : params) {
                values.put(p, model.sameDiff().getVariable(p).getArr().dup());
            }
            out.println(String.format(Locale.ROOT, "finished %d updates: train -elbo %.2f, validation -elbo %.2f (best %.2f), "
                    + "%.0f examples/s; checkpoints in %s", step, lastNegElbo, lastValidation, best, rate, store.dir()));
            return new Result(step, lastNegElbo, lastValidation, rate, last, values, model);
        }
    }

    /**
     * Refuses a checkpoint written by another optimiser: Adam's moments and RMSprop's (r, v) have the
     * same size, so the state would load and silently mean something else (a negative m as r: NaN).
     */
    private void checkSameOptimizer(Checkpoint c, Path dir) {
        String theirs;
        try {
            theirs = org.nf4j.config.ConfigFile.parse(c.config(), "the checkpoint's config").get("optimizer");
        } catch (IllegalArgumentException e) {
            return; // a config from another version: nothing to compare
        }
        if (theirs != null && !theirs.equals(config.optimizer())) {
            throw new IllegalStateException("the checkpoints in " + dir + " were trained with optimizer " + theirs
                    + ", this run asks for " + config.optimizer() + ": their state cannot be resumed with it");
        }
    }

    /** Mean -ELBO (beta = 1) over a whole split (static binarisation, fixed noise), run by {@code executor}. */
    public static double negElbo(DlgmModel model, MnistSplitData split, Executor executor) {
        return negElbo(validationRunner(model, executor), model.latent(), split);
    }

    private static GraphRunner validationRunner(DlgmModel model, Executor executor) {
        return GraphRunner.outputs(model.sameDiff(), List.of(DlgmModel.NEG_ELBO_PER_EXAMPLE), executor);
    }

    private static double negElbo(GraphRunner pass, int latent, MnistSplitData validation) {
        MnistIteratorConfig vc = MnistIteratorConfig.defaults().withBatchSize(500).withBinarization(Binarization.STATIC)
                .withShuffle(false);
        StepNoise noise = new StepNoise(VALIDATION_NOISE_SEED);
        double sum = 0;
        long n = 0;
        long chunk = 0;
        try (MnistIterator it = new MnistIterator(validation, vc)) {
            while (it.hasNext()) {
                MnistBatch b = it.next();
                Map<String, INDArray> feed = new HashMap<>();
                feed.put("x", b.features().castTo(Nd4j.defaultFloatingPointType()));
                feed.put("eps", noise.at(chunk++, b.size(), latent));
                feed.put("beta", Nd4j.scalar(Nd4j.defaultFloatingPointType(), 1.0));
                NativeGarbage.collectIfDue();
                INDArray v = pass.run(feed).outputs().get(DlgmModel.NEG_ELBO_PER_EXAMPLE);
                sum += v.sumNumber().doubleValue();
                n += b.size();
            }
        }
        return sum / n;
    }

    private void writeImages(DlgmModel model, MnistSplitData validation, EventWriter events, long step) {
        int n = 64;
        INDArray prior = new StepNoise(VALIDATION_NOISE_SEED + 1).at(0, n, model.latent());
        INDArray samples = model.sameDiff().output(Map.of("zPrior", prior), DlgmModel.PRIOR_SAMPLES).get(DlgmModel.PRIOR_SAMPLES);
        events.image("samples/prior", step, ImageGrid.png(rows(samples), 28, 28, 8, 1), 8 * 29 + 1, 8 * 29 + 1);
        MnistIteratorConfig vc = MnistIteratorConfig.defaults().withBatchSize(32).withBinarization(Binarization.STATIC)
                .withShuffle(false);
        try (MnistIterator it = new MnistIterator(validation, vc)) {
            MnistBatch b = it.next();
            List<double[]> originals = rows(b.features());
            Map<String, INDArray> feed = new HashMap<>();
            feed.put("x", b.features().castTo(Nd4j.defaultFloatingPointType()));
            feed.put("eps", new StepNoise(VALIDATION_NOISE_SEED + 2).at(0, b.size(), model.latent()));
            feed.put("beta", Nd4j.scalar(Nd4j.defaultFloatingPointType(), 1.0));
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
}
