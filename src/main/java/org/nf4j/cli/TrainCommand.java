package org.nf4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nf4j.config.ConfigFile;
import org.nf4j.config.TrainConfig;
import org.nf4j.data.MnistFetcher;
import org.nf4j.data.MnistFolder;
import org.nf4j.data.MnistSplit;
import org.nf4j.flows.FlowKind;
import org.nf4j.train.DlgmTrainer;
import org.nf4j.train.LoopSettings;
import org.nf4j.train.SettingsDiff;
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

    @Option(names = "--flow", description = "planar, radial, nice-perm, nice-orth, circular, householder, sylvester, "
            + "sylvester-orth, sylvester-householder, iaf, iaf-wide, affine-coupling (default: planar)")
    String flow;

    @Option(names = "--k", description = "flow steps; 0 = diagonal Gaussian (default: 10)")
    Integer k;

    @Option(names = "--run-name", description = "folder name under models/ and logs/ (default: <flow>-k<K>-<optimizer>-seed<seed>)")
    String runName;

    @Option(names = "--resume", arity = "0..1", paramLabel = "RUN", fallbackValue = "",
            description = "continue RUN (default: the most recently started run under models/) from its newest good "
                    + "checkpoint, with the configuration it was started with; flags that leave the model alone "
                    + "(--steps, --epochs, --lr, --clip-norm, --executor, --set ...) change it, the others are refused")
    String resume;

    @Option(names = "--clip-norm", description = "global gradient-norm clipping, 0 = off (default: 100)")
    Double clipNorm;

    @Option(names = "--models", defaultValue = "models", description = "default: ${DEFAULT-VALUE}")
    Path models;

    @Option(names = "--logs", defaultValue = "logs", description = "default: ${DEFAULT-VALUE}")
    Path logs;

    /** The flags of this command beyond the common ones, by setting key. */
    private Map<String, String> flags() {
        Map<String, String> flags = new LinkedHashMap<>();
        TrainingSettings.put(flags, "flow", flow);
        TrainingSettings.put(flags, "k", k);
        TrainingSettings.put(flags, "run-name", runName);
        TrainingSettings.put(flags, "clip-norm", clipNorm);
        return flags;
    }

    /** Defaults, then the config file, then the flags, then --set. */
    TrainConfig config() {
        TrainConfig c = training.resolve(flags());
        FlowKind.parse(c.flow());
        return c;
    }

    /** The run folder to resume: the one named, or the most recently started run. */
    Path resumeDir() throws IOException {
        return RunFolders.findStarted(models, resume);
    }

    /**
     * The run's saved configuration with what this command line sets applied (a learning rate, the
     * clipping, the budget, any --set that leaves the model alone); refuses settings that would
     * change the model, and says which settings changed.
     */
    TrainConfig resumedConfig(Path runDir) {
        TrainConfig saved = TrainConfig.DEFAULTS.with(ConfigFile.read(runDir.resolve(DlgmTrainer.CONFIG)));
        Map<String, String> overrides = training.overrides(flags());
        if (overrides.containsKey("run-name")) {
            throw new IllegalArgumentException("--resume keeps the run's name: drop --run-name (or set run-name in a config file)");
        }
        TrainConfig c = saved.with(overrides);
        Map<String, String> before = DlgmTrainer.resolved(saved);
        Map<String, String> after = DlgmTrainer.resolved(c);
        List<String> model = SettingsDiff.keys(before, after, DlgmTrainer.MODEL_KEYS);
        if (!model.isEmpty()) {
            throw new IllegalArgumentException("--resume cannot change what decides the model or its data order ("
                    + SettingsDiff.describe(before, after, model) + "): start a new run for that");
        }
        List<String> changed = SettingsDiff.keys(before, after, before.keySet());
        System.out.println(changed.isEmpty() ? "resuming " + runDir.getFileName() + " with its saved configuration"
                : "resuming " + runDir.getFileName() + " with changed settings: " + SettingsDiff.describe(before, after, changed));
        return c;
    }

    @Override
    public Integer call() throws Exception {
        boolean resuming = resume != null;
        Path runDir = resuming ? resumeDir() : null;
        TrainConfig c = resuming ? resumedConfig(runDir) : config();
        String name = resuming ? runDir.getFileName().toString() : c.resolvedRunName();
        if (!resuming) {
            runDir = models.resolve(name);
            if (Files.isDirectory(runDir.resolve(RunFolders.CHECKPOINTS))) {
                throw new IllegalArgumentException("run " + name + " already has checkpoints in " + runDir
                        + ": add --resume " + name + " to continue it, or choose another --run-name");
            }
        }
        System.out.println(backend.start());
        Path data = Path.of(c.dataDir()).toAbsolutePath().normalize();
        new MnistFetcher(System.out::println).fetch(data);
        MnistFolder digits = new MnistFolder(data.toString(), c.trainDigits() == MnistSplit.TRAIN_ALL.size());
        System.out.println("run " + name + ": " + c.toProperties().replace('\n', ' '));
        DlgmTrainer.Result r = new DlgmTrainer(c, runDir, logs.resolve(name), System.out).run(digits.train(), digits.validation(),
                resuming ? LoopSettings.Resume.REQUIRED : LoopSettings.Resume.NEVER);
        double test = DlgmTrainer.negElbo(r.model(), digits.test(), org.nf4j.exec.Executor.parse(c.executor()));
        System.out.println(String.format(java.util.Locale.ROOT, "test -elbo %.2f nats (10,000 test digits, static binarisation)", test));
        DlgmTrainer.writeSummary(runDir, r, test);
        return 0;
    }
}
