package org.nf4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nf4j.flows.FlowKind;
import org.nf4j.toy.ToyConfig;
import org.nf4j.toy.ToyRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code toy --target u1 --flow planar --k 32}: one 2-D energy fit (paper section 6.1). */
@Command(name = "toy", mixinStandardHelpOptions = true,
        description = "Fit q_K = flow(q0) to p(z) ~ exp(-U(z)) for a 2-D energy U1..U4 (paper section 6.1).")
public final class ToyCommand implements Callable<Integer> {

    @Mixin
    BackendOptions backend;

    @Mixin
    ToySettings settings = new ToySettings();

    @Option(names = "--target", defaultValue = "u1", description = "u1, u2, u3 or u4 (default: ${DEFAULT-VALUE})")
    String target;

    @Option(names = "--flow", defaultValue = "planar",
            description = "planar, radial, nice-perm, nice-orth, circular, householder, sylvester, sylvester-orth, "
                    + "sylvester-householder, iaf, iaf-wide or affine-coupling (default: ${DEFAULT-VALUE})")
    String flow;

    @Option(names = "--k", defaultValue = "32", description = "number of flow steps (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--out", description = "the run's folder (default: models/toy/<target>-<flow>-k<K>)")
    Path out;

    @Option(names = "--log-dir", description = "TensorBoard folder (default: logs/toy/<target>-<flow>-k<K>)")
    Path logDir;

    /** The configuration these options describe (defaults from {@link ToyConfig#defaults}). */
    ToyConfig config() {
        FlowKind kind = FlowKind.parse(flow);
        org.nf4j.targets.Targets.byName(target);
        return settings.over(ToyConfig.defaults(target.toLowerCase(java.util.Locale.ROOT), kind, k), out, logDir);
    }

    @Override
    public Integer call() throws Exception {
        ToyConfig config = config();
        System.out.println(backend.start());
        ToyRun.run(config, System.out);
        return 0;
    }
}
