package org.nf4j.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.nf4j.config.TrainConfig;
import org.nf4j.flows.FlowKind;
import org.nf4j.train.TrainingBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bench --flow planar [--k 20]}: training examples/s of the DLGM + flow per K. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Print training examples/s and peak memory of DLGM + flow, one line per K.")
public final class BenchCommand implements Callable<Integer> {

    @Mixin
    BackendOptions backend;

    @Option(names = "--flow", defaultValue = "planar", description = "default: ${DEFAULT-VALUE}")
    String flow;

    @Option(names = "--k", split = ",", description = "K values (default: 0,10,20,40,80)")
    List<Integer> ks = List.of(0, 10, 20, 40, 80);

    @Option(names = "--batch", defaultValue = "100", description = "default: ${DEFAULT-VALUE}")
    int batch;

    @Option(names = "--warmup", defaultValue = "30", description = "untimed updates first (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--updates", defaultValue = "100", description = "timed updates (default: ${DEFAULT-VALUE})")
    int updates;

    @Option(names = "--executor", defaultValue = "compiled",
            description = "compiled or samediff (SameDiff's own session; default: ${DEFAULT-VALUE})")
    String executor;

    @Option(names = "--profile", description = "also print where the compiled step's time goes: per op kind, and the slowest ops with their input shapes")
    boolean profile;

    @Override
    public Integer call() {
        FlowKind.parse(flow);
        System.out.println(backend.start());
        for (int k : ks) {
            TrainConfig c = TrainConfig.DEFAULTS.with("flow", flow).with("k", Integer.toString(k))
                    .with("batch", Integer.toString(batch)).with("executor", executor);
            System.out.println(TrainingBenchmark.run(c, warmup, updates));
            if (profile) {
                TrainingBenchmark.profile(c, updates).forEach(System.out::println);
            }
        }
        return 0;
    }
}
