package org.nf4j.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nf4j.config.Mappers;
import org.nf4j.config.TrainConfig;
import org.nf4j.data.Binarization;
import org.nf4j.data.MnistIteratorConfig;
import org.nf4j.data.MnistSplitData;
import org.nf4j.exec.Executor;
import org.nf4j.exec.GraphRunner;
import org.nf4j.flows.FlowKind;
import org.nf4j.flows.FlowOptions;
import org.nf4j.logging.EventWriter;
import org.nf4j.model.DlgmModel;

/**
 * Trains a {@link DlgmModel} on binarised MNIST: a {@link DlgmObjective} in the {@link TrainingLoop},
 * with the run's configuration written to its folder and to TensorBoard.
 */
public final class DlgmTrainer {
    /** The run's resolved configuration, in its folder (written before training starts). */
    public static final String CONFIG = "config.properties";
    /** What a finished training reports, in its folder (the steps, -ELBO on each split, examples/s). */
    public static final String SUMMARY = "train-summary.properties";
    /** Scalars go to TensorBoard every this many updates. */
    static final int LOG_EVERY = 50;

    /**
     * The settings a resumed run must share with its checkpoints: they decide the model, the meaning
     * of the optimiser's state or the order of data and noise. The others (learning rate, clipping,
     * budget, annealing, intervals, executor ...) may change on a resumed run.
     */
    public static final Set<String> MODEL_KEYS = Set.of("flow", "k", "latent", "hidden", "maxout-pieces", "flow-init-scale",
            "flow-lr-scale", "planar-centred", "optimizer", "seed", "batch", "binarization", "train-digits");

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
        return model(c, DlgmModel.Encoding.PER_ROW);
    }

    /** The run's model, its encoder run once per row (training) or once per digit (importance sampling). */
    public static DlgmModel model(TrainConfig c, DlgmModel.Encoding encoding) {
        FlowKind kind = c.k() == 0 ? null : FlowKind.parse(c.flow());
        return new DlgmModel(kind, c.k(), c.latent(), c.hidden(), c.maxoutPieces(), c.flowInitScale(), c.flowLrScale(),
                FlowOptions.defaults().withPlanarCentred(c.planarCentred()), c.seed(), encoding);
    }

    /** The configuration as a checkpoint stores it: every key, the run name resolved. */
    public static Map<String, String> resolved(TrainConfig c) {
        Map<String, String> m = new HashMap<>(c.asMap());
        m.put("run-name", c.resolvedRunName());
        return m;
    }

    /**
     * @param train      training images
     * @param validation validation images
     * @param resume     what to do with the checkpoints in the run's folder
     */
    public Result run(MnistSplitData train, MnistSplitData validation, LoopSettings.Resume resume) throws IOException {
        DlgmModel model = model(config);
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve(CONFIG), config.toProperties());
        MnistIteratorConfig data = MnistIteratorConfig.defaults().withBatchSize(config.batch())
                .withBinarization(Binarization.valueOf(config.binarization().toUpperCase(Locale.ROOT)))
                .withShuffleSeed(config.seed()).withBinarizationSeed(config.seed() + 1);
        Executor executor = Executor.parse(config.executor());
        CheckpointStore store = new CheckpointStore(runDir.resolve("checkpoints"), config.keepCheckpoints());
        try (DlgmObjective objective = new DlgmObjective(model, train, data, config.seed(), validation,
                validationRunner(model, executor));
             EventWriter events = new EventWriter(logDir)) {
            long total = config.steps() > 0 ? config.steps() : (long) config.epochs() * objective.batchesPerEpoch();
            LoopSettings settings = new LoopSettings(total, updater(config), config.clipNorm(), config.annealSteps(), LOG_EVERY,
                    config.checkpointEvery(), config.keepCheckpoints(), config.validateEvery(), resolved(config), MODEL_KEYS,
                    resume, "Resume with --resume and a smaller --lr or --clip-norm.");
            events.text("config", 0, "```\n" + config.toProperties() + "```");
            TrainingLoop.Result r = new TrainingLoop(objective, settings, store, List.of(events), executor, out).run();
            Map<String, INDArray> values = new HashMap<>();
            for (String p : model.trainableNames()) {
                values.put(p, model.sameDiff().getVariable(p).getArr().dup());
            }
            out.println(String.format(Locale.ROOT, "finished %d updates: train -elbo %.2f, validation -elbo %.2f (best %.2f), "
                            + "%.0f examples/s; checkpoints in %s", r.steps(), objective.lastNegElbo(), r.lastValidation(),
                    r.bestValidation(), r.examplesPerSecond(), store.dir()));
            return new Result(r.steps(), objective.lastNegElbo(), r.lastValidation(), r.examplesPerSecond(), r.lastCheckpoint(),
                    values, model);
        }
    }

    /** Writes {@link #SUMMARY} for a finished run with its test -ELBO. */
    public static void writeSummary(Path runDir, Result r, double testNegElbo) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("steps", Long.toString(r.steps()));
        m.put("train_neg_elbo", String.format(Locale.ROOT, "%.4f", r.trainNegElbo()));
        m.put("validation_neg_elbo", String.format(Locale.ROOT, "%.4f", r.validationNegElbo()));
        m.put("test_neg_elbo", String.format(Locale.ROOT, "%.4f", testNegElbo));
        m.put("examples_per_s", String.format(Locale.ROOT, "%.1f", r.examplesPerSecond()));
        Files.writeString(runDir.resolve(SUMMARY), Mappers.toProperties(m));
    }

    /** Mean -ELBO (beta = 1) over a whole split (static binarisation, fixed noise), run by {@code executor}. */
    public static double negElbo(DlgmModel model, MnistSplitData split, Executor executor) {
        return DlgmObjective.negElbo(validationRunner(model, executor), model.latent(), split);
    }

    private static GraphRunner validationRunner(DlgmModel model, Executor executor) {
        return GraphRunner.outputs(model.sameDiff(), List.of(DlgmModel.NEG_ELBO_PER_EXAMPLE), executor);
    }
}
