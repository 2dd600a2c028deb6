package org.nf4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.nf4j.flows.FlowKind;
import org.nf4j.runtime.BackendSpec;
import org.nf4j.spark.SweepEngine;
import org.nf4j.toy.ToyGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code toy-grid}: every target x flow x K of section 6.1, with Figure-3-like pictures and tables. */
@Command(name = "toy-grid", mixinStandardHelpOptions = true,
        description = "Run the 2-D grid (targets x flows x K), each flow and K one Spark task (local[N] by default, a "
                + "cluster with --master), then write one figure per flow, bounds.csv/.md and bound-vs-K plots.")
public final class ToyGridCommand implements Callable<Integer> {

    @Mixin
    BackendOptions backend;

    @Mixin
    ToySettings settings = new ToySettings();

    @Mixin
    SparkOptions spark = new SparkOptions();

    @Option(names = "--targets", split = ",", defaultValue = "u1,u2,u3,u4", description = "default: ${DEFAULT-VALUE}")
    List<String> targets;

    @Option(names = "--flows", split = ",", defaultValue = "planar,radial,nice-perm,nice-orth,circular",
            description = "the paper's flows by default: ${DEFAULT-VALUE}; the others (householder, sylvester, "
                    + "sylvester-orth, sylvester-householder, iaf, iaf-wide, affine-coupling) by name")
    List<String> flows;

    @Option(names = "--ks", split = ",", defaultValue = "2,8,32", description = "default: ${DEFAULT-VALUE}")
    List<Integer> ks;

    @Option(names = "--separately", description = "train every run in a graph of its own instead of the targets of "
            + "each flow and K together in one graph (same results up to rounding, about twice the time)")
    boolean separately;

    @Option(names = "--out", defaultValue = "models/toy", description = "default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--log-dir", defaultValue = "logs/toy", description = "default: ${DEFAULT-VALUE}")
    Path logDir;

    ToyGrid grid() {
        List<FlowKind> kinds = flows.stream().map(FlowKind::parse).toList();
        for (int k : ks) {
            if (k < 1) {
                throw new IllegalArgumentException("--ks must all be at least 1, got " + k);
            }
        }
        return new ToyGrid(targets.stream().map(String::trim).map(String::toLowerCase).toList(), kinds, ks, out, logDir,
                c -> settings.over(c, null, null), !separately);
    }

    @Override
    public Integer call() throws Exception {
        ToyGrid grid = grid();
        BackendSpec backendSpec = backend.spec(spark.jobs());
        System.out.println(backendSpec.configure());
        try (SweepEngine engine = new SweepEngine(spark.settings(backendSpec))) {
            grid.run(engine, System.out);
        }
        return 0;
    }
}
