package org.nf4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nf4j.config.ConfigFile;
import org.nf4j.config.TrainConfig;
import org.nf4j.data.MnistFetcher;
import org.nf4j.data.MnistSplit;
import org.nf4j.data.MnistSplitData;
import org.nf4j.flows.FlowKind;
import org.nf4j.train.DlgmTrainer;
import org.nf4j.train.LoopSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train} (the default command): DLGM + flow on binarised MNIST. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a deep latent Gaussian model with a K-step flow posterior on binarised MNIST (the default command).")
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    BackendOptions backend;

    @Mixin
    TrainingSettings training = new TrainingSettings();

    @Option(names = "--flow", description = "planar, radial, nice-perm, nice-orth, circular, householder, sylvester (default: planar)")
    String flow;

    @Option(names = "--k", description = "flow steps; 0 = diagonal Gaussian (default: 10)")
    Integer k;

    @Option(names = "--run-name", description = "folder name under models/ and logs/ (default: <flow>-k<K>-<optimizer>-seed<seed>)")
    String runName;

    @Option(names = "--resume", arity = "0..1", paramLabel = "RUN", fallbackValue = "",
            description = "continue RUN (default: the most recently trained run under models/) from its newest good "
                    + "checkpoint, with the configuration it was started with; --steps/--epochs may extend it")
    String resume;

    @Option(names = "--clip-norm", description = "global gradient-norm clipping, 0 = off (default: 100)")
    Double clipNorm;

    @Option(names = "--models", defaultValue = "models", description = "default: ${DEFAULT-VALUE}")
    Path models;

    @Option(names = "--logs", defaultValue = "logs", description = "default: ${DEFAULT-VALUE}")
    Path logs;

    /** Defaults, then the config file, then the flags, then --set. */
    TrainConfig config() {
        Map<String, String> flags = new LinkedHashMap<>();
        TrainingSettings.put(flags, "flow", flow);
        TrainingSettings.put(flags, "k", k);
        TrainingSettings.put(flags, "run-name", runName);
        TrainingSettings.put(flags, "clip-norm", clipNorm);
        TrainConfig c = training.resolve(flags);
        FlowKind.parse(c.flow());
        return c;
    }

    /** The run folder to resume: the one named, or the most recently written run with checkpoints. */
    Path resumeDir() throws java.io.IOException {
        if (!resume.isEmpty()) {
            Path dir = models.resolve(resume);
            if (!Files.isDirectory(dir.resolve("checkpoints"))) {
                throw new IllegalArgumentException("no run '" + resume + "' with checkpoints in " + models);
            }
            return dir;
        }
        if (Files.isDirectory(models)) {
            try (var runs = Files.list(models)) {
                var latest = runs.filter(d -> Files.isDirectory(d.resolve("checkpoints")))
                        .max(java.util.Comparator.comparing(d -> d.resolve("checkpoints").toFile().lastModified()));
                if (latest.isPresent()) {
                    return latest.get();
                }
            }
        }
        throw new IllegalArgumentException("--resume: there is no run with checkpoints in " + models);
    }

    /** A resumed run keeps its own configuration; only --steps and --epochs may change it. */
    TrainConfig resumedConfig(Path runDir) {
        return training.budgetOver(TrainConfig.DEFAULTS.with(ConfigFile.read(runDir.resolve("config.properties"))));
    }

    @Override
    public Integer call() throws Exception {
        boolean resuming = resume != null;
        Path runDir = resuming ? resumeDir() : null;
        TrainConfig c = resuming ? resumedConfig(runDir) : config();
        String name = resuming ? runDir.getFileName().toString() : c.resolvedRunName();
        if (!resuming) {
            runDir = models.resolve(name);
            if (Files.isDirectory(runDir.resolve("checkpoints"))) {
                throw new IllegalArgumentException("run " + name + " already has checkpoints in " + runDir
                        + ": add --resume " + name + " to continue it, or choose another --run-name");
            }
        }
        System.out.println(backend.start());
        Path data = Path.of(c.dataDir());
        new MnistFetcher(System.out::println).fetch(data);
        System.out.println("run " + name + ": " + c.toProperties().replace('\n', ' '));
        DlgmTrainer.Result r = new DlgmTrainer(c, runDir, logs.resolve(name), System.out)
                .run(MnistSplitData.load(data, MnistSplit.TRAIN), MnistSplitData.load(data, MnistSplit.VALIDATION),
                        resuming ? LoopSettings.Resume.REQUIRED : LoopSettings.Resume.NEVER);
        double test = DlgmTrainer.negElbo(r.model(), MnistSplitData.load(data, MnistSplit.TEST),
                org.nf4j.exec.Executor.parse(c.executor()));
        System.out.println(String.format(java.util.Locale.ROOT, "test -elbo %.2f nats (10,000 test digits, static binarisation)", test));
        Files.writeString(runDir.resolve("train-summary.properties"), String.format(java.util.Locale.ROOT,
                "steps=%d%ntrain_neg_elbo=%.4f%nvalidation_neg_elbo=%.4f%ntest_neg_elbo=%.4f%nexamples_per_s=%.1f%n",
                r.steps(), r.trainNegElbo(), r.validationNegElbo(), test, r.examplesPerSecond()));
        return 0;
    }
}
