package org.nf4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.nf4j.eval.MeanEstimate;
import java.util.Locale;
import java.util.List;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import org.nf4j.config.ConfigFile;
import org.nf4j.data.MnistFetcher;
import org.nf4j.data.MnistSplit;
import org.nf4j.data.MnistSplitData;
import org.nf4j.eval.EvalResult;
import org.nf4j.eval.EvalRun;
import org.nf4j.eval.ImportanceSampler;
import org.nf4j.eval.PairedDifference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eval}: -ELBO, importance-sampled -ln p(x) and the KL estimate of a trained run. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a trained run on the test (or validation) digits: -ELBO, -ln p(x) by importance sampling "
                + "with S samples per digit, and their difference (KL(q || p(z|x))); writes models/<run>/eval.json.")
public final class EvalCommand implements Callable<Integer> {

    @Mixin
    BackendOptions backend;

    @Option(names = "--run", split = ",", paramLabel = "RUN",
            description = "run folder(s) under --models, e.g. one model trained from several seeds (default: the most "
                    + "recently trained run)")
    List<String> runs = List.of();

    @Option(names = "--checkpoint", defaultValue = "best", description = "best, latest or a checkpoint file (default: ${DEFAULT-VALUE})")
    String checkpoint;

    @Option(names = "--split", defaultValue = "test", description = "test or validation (default: ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--samples", defaultValue = "200", description = "importance samples per digit, S (default: ${DEFAULT-VALUE}; the paper: 200)")
    int samples;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the importance samples (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--limit", defaultValue = "0", description = "only the first N digits of the split, for quick checks (default: all)")
    int limit;

    @Option(names = "--max-rows", defaultValue = "" + ImportanceSampler.DEFAULT_MAX_ROWS,
            description = "rows (digit x sample) per graph call; bounds memory (default: ${DEFAULT-VALUE})")
    int maxRows;

    @Option(names = "--data-dir", description = "MNIST IDX files (default: the run's data-dir); fetched there if missing")
    String dataDir;

    @Option(names = "--baseline", split = ",", paramLabel = "RUN",
            description = "also print each run minus its baseline RUN (evaluated before on the same split; one per --run, "
                    + "in the same order, e.g. the same seeds), per digit with paired standard errors, and with several "
                    + "runs the mean difference ± its standard error across them")
    List<String> baselines = List.of();

    @Option(names = "--again", description = "evaluate even where eval.json already holds this evaluation of the "
            + "checkpoint (it is reused otherwise: the numbers would be the same)")
    boolean again;

    @Option(names = "--executor", defaultValue = "compiled",
            description = "compiled or samediff (SameDiff's own session, for comparison; default: ${DEFAULT-VALUE})")
    String executor;

    @Option(names = "--models", defaultValue = "models", description = "default: ${DEFAULT-VALUE}")
    Path models;

    @Option(names = "--logs", defaultValue = "logs", description = "default: ${DEFAULT-VALUE}")
    Path logs;

    EvalRun.Settings settings() {
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be >= 0, got " + limit);
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("--max-rows must be at least 1, got " + maxRows);
        }
        return new EvalRun.Settings(checkpoint, MnistSplit.parse(split), samples, seed, limit, maxRows,
                org.nf4j.exec.Executor.parse(executor));
    }

    /** --data-dir, else the data-dir in the run's config.properties, else data/mnist. */
    Path dataDir(Path runDir) {
        if (dataDir != null) {
            return Path.of(dataDir);
        }
        Path conf = runDir.resolve("config.properties");
        if (Files.exists(conf)) {
            String d = ConfigFile.read(conf).get("data-dir");
            if (d != null) {
                return Path.of(d);
            }
        }
        return Path.of("data/mnist");
    }

    @Override
    public Integer call() throws Exception {
        EvalRun.Settings s = settings();
        List<Path> runDirs = new ArrayList<>();
        for (String r : runs.isEmpty() ? List.of("") : runs) {
            runDirs.add(RunFolders.find(models, r));
        }
        if (!baselines.isEmpty() && baselines.size() != runDirs.size()) {
            throw new IllegalArgumentException("--baseline needs one run per --run (" + runDirs.size() + "), got "
                    + baselines.size());
        }
        List<Path> baselineFiles = new ArrayList<>();
        for (String b : baselines) {
            Path file = PairedDifference.file(RunFolders.find(models, b), s.split().cliName());
            if (!Files.exists(file)) {
                throw new IllegalArgumentException("--baseline " + b + " has no " + file.getFileName()
                        + ": evaluate it first on the " + s.split().cliName() + " split");
            }
            baselineFiles.add(file);
        }
        System.out.println(backend.start());
        List<PairedDifference> pairs = new ArrayList<>();
        for (int i = 0; i < runDirs.size(); i++) {
            Path runDir = runDirs.get(i);
            Path data = dataDir(runDir);
            new MnistFetcher(System.out::println).fetch(data);
            MnistSplitData digits = MnistSplitData.load(data, s.split());
            EvalResult done = again ? null : EvalRun.reusable(runDir, s, digits.size());
            if (done != null) {
                System.out.println("reusing " + runDir.resolve(EvalRun.EVAL_JSON) + " (the same evaluation of this checkpoint; "
                        + "--again to redo it): " + done.summaryLine());
            } else {
                EvalRun.run(runDir, logs.resolve(runDir.getFileName().toString()), digits, s, System.out);
            }
            if (!baselineFiles.isEmpty()) {
                PairedDifference d = PairedDifference.of(PairedDifference.file(runDir, s.split().cliName()), baselineFiles.get(i));
                pairs.add(d);
                System.out.println(d.summaryLine(runDir.getFileName().toString(), baselines.get(i)));
            }
        }
        if (pairs.size() > 1) {
            MeanEstimate m = PairedDifference.overSeeds(pairs);
            System.out.println(String.format(Locale.ROOT, "over %d runs: -ln p(x) difference %+.3f ± %.3f nats (standard error "
                    + "across runs, which holds their run-to-run spread; sd %.3f)", pairs.size(), m.mean(), m.standardError(),
                    m.standardError() * Math.sqrt(pairs.size())));
        }
        return 0;
    }
}
