package org.nf4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nf4j.config.TrainConfig;
import org.nf4j.data.MnistFetcher;
import org.nf4j.data.MnistFolder;
import org.nf4j.data.MnistSplit;
import org.nf4j.eval.EvalRun;
import org.nf4j.eval.ImportanceSampler;
import org.nf4j.runtime.BackendSpec;
import org.nf4j.spark.SweepEngine;
import org.nf4j.sweep.Table2Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code table2}: the paper's Table 2 (and Figure 4) as a resumable sweep. */
@Command(name = "table2", mixinStandardHelpOptions = true,
        description = "Train and evaluate the diagonal model (K = 0) and every flow x K under one budget, each cell a "
                + "Spark task (local[N] by default, a cluster with --master; finished cells are reused, interrupted ones "
                + "resume), then write table2.md, table2.csv and figure4.png beside the paper's numbers.")
public final class Table2Command implements Callable<Integer> {

    @Mixin
    BackendOptions backend;

    @Mixin
    TrainingSettings training = new TrainingSettings();

    @Mixin
    SparkOptions spark = new SparkOptions();

    @Option(names = "--flows", split = ",", defaultValue = "planar,nice-perm", description = "default: ${DEFAULT-VALUE}")
    List<String> flows;

    @Option(names = {"--ks", "--k"}, split = ",", defaultValue = "10,20,40,80",
            description = "flow lengths (default: ${DEFAULT-VALUE}); the diagonal K = 0 model always runs")
    List<Integer> ks;

    @Option(names = "--seeds", defaultValue = "1",
            description = "training seeds per model: --seed, --seed + 1, ... (default: ${DEFAULT-VALUE}); the table reports "
                    + "the mean over seeds ± the standard error across them")
    int seeds;

    @Option(names = "--seed-ks", split = ",", paramLabel = "K",
            description = "only the models with these K get all --seeds (e.g. 0,10); the others the first seed (default: all)")
    List<Integer> seedKs = List.of();

    @Option(names = "--samples", defaultValue = "200", description = "importance samples per test digit (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--eval-seed", defaultValue = "1", description = "seed of the importance samples (default: ${DEFAULT-VALUE})")
    long evalSeed;

    @Option(names = "--limit", defaultValue = "0", description = "evaluate only the first N test digits (default: all 10,000)")
    int limit;

    @Option(names = "--max-rows", defaultValue = "" + ImportanceSampler.DEFAULT_MAX_ROWS,
            description = "rows (digit x sample) per graph call in evaluation (default: ${DEFAULT-VALUE})")
    int maxRows;

    @Option(names = "--prefix", defaultValue = "table2", description = "runs are <prefix>-<flow>-k<K> (default: ${DEFAULT-VALUE})")
    String prefix;

    @Option(names = "--models", defaultValue = "models", description = "default: ${DEFAULT-VALUE}")
    Path models;

    @Option(names = {"--logs", "--log-dir"}, defaultValue = "logs", description = "default: ${DEFAULT-VALUE}")
    Path logs;

    @Option(names = "--out", description = "folder of the table and figure (default: <models>/<prefix>)")
    Path out;

    /** Defaults, then the config file, then the flags, then --set: the settings every cell shares. */
    TrainConfig base() {
        return training.resolve(Map.of());
    }

    Table2Sweep sweep() {
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be >= 0, got " + limit);
        }
        TrainConfig base = base();
        EvalRun.Settings eval = new EvalRun.Settings("best", MnistSplit.TEST, samples, evalSeed, limit, maxRows,
                org.nf4j.exec.Executor.parse(base.executor()));
        return new Table2Sweep(base, flows, ks, seeds, java.util.Set.copyOf(seedKs), prefix, models, logs,
                out != null ? out : models.resolve(prefix), eval);
    }

    @Override
    public Integer call() throws Exception {
        Table2Sweep sweep = sweep();
        TrainConfig base = base();
        BackendSpec backendSpec = backend.spec(spark.jobs());
        System.out.println(backendSpec.configure());
        Path data = Path.of(base.dataDir()).toAbsolutePath().normalize();
        new MnistFetcher(System.out::println).fetch(data);
        String shared = String.join(" ", base.toProperties().lines()
                .filter(l -> !l.startsWith("flow=") && !l.startsWith("k=") && !l.startsWith("run-name=")).toList());
        System.out.println("table2: " + sweep.cells().size() + " cells; shared settings: " + shared);
        try (SweepEngine engine = new SweepEngine(spark.settings(backendSpec))) {
            sweep.run(engine, new MnistFolder(data.toString(), base.trainDigits() == MnistSplit.TRAIN_ALL.size()), System.out);
        }
        return 0;
    }
}
