package org.nf4j.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nf4j.config.TrainConfig;
import org.nf4j.exec.Executor;
import org.nf4j.exec.GraphRunner;
import org.nf4j.model.DlgmModel;
import org.nf4j.runtime.NativeGarbage;

/**
 * Training throughput of the DLGM + flow step (forward, gradients, update) on random binary
 * images, after warm-up: examples/s and the process's peak resident memory.
 */
public final class TrainingBenchmark {
    private TrainingBenchmark() {
    }

    /**
     * One line: {@code bench flow=planar k=20 batch=100 executor=compiled examples_per_s=1234.5 ms_per_step=81.00
     * peak_rss_mb=800}; the executor is the one that ran (samediff after a refused graph).
     */
    public static String run(TrainConfig config, int warmup, int measured) {
        DlgmModel model = DlgmTrainer.model(config);
        List<String> params = model.trainableNames();
        ParameterUpdater updater = new ParameterUpdater(model.sameDiff(), params, DlgmTrainer.updater(config));
        INDArray x = randomImages(config.batch());
        StepNoise noise = new StepNoise(1);
        List<String> outputs = List.of(DlgmModel.LOSS);
        GraphRunner runner = GraphRunner.gradients(model.sameDiff(), outputs, params, Executor.parse(config.executor()));
        long start = 0;
        for (int t = 0; t < warmup + measured; t++) {
            if (t == warmup) {
                start = System.nanoTime();
            }
            NativeGarbage.collectIfDue();
            updater.apply(runner.run(feed(x, noise.at(t, config.batch(), config.latent()))).gradients(), t, config.clipNorm());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT, "bench flow=%s k=%d batch=%d executor=%s examples_per_s=%.1f ms_per_step=%.2f peak_rss_mb=%d",
                config.k() == 0 ? "none" : config.flow(), config.k(), config.batch(), runner.executor().key(),
                measured * config.batch() / seconds, 1e3 * seconds / measured, peakRssMb());
    }

    /**
     * Where the compiled step's time goes: one line per op kind (count, ms per step), then the 12
     * slowest single ops, from {@code runs} timed runs of the gradient step on random binary images.
     */
    public static List<String> profile(TrainConfig config, int runs) {
        DlgmModel model = DlgmTrainer.model(config);
        GraphRunner runner = GraphRunner.gradients(model.sameDiff(), List.of(DlgmModel.LOSS), model.trainableNames(),
                Executor.COMPILED);
        return runner.profile(feed(randomImages(config.batch()), new StepNoise(1).at(0, config.batch(), config.latent())), runs, 12);
    }

    /** {@code rows} random binary images (seed 1), in the default floating-point type. */
    private static INDArray randomImages(int rows) {
        Random rng = new Random(1);
        float[] pixels = new float[rows * DlgmModel.PIXELS];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = rng.nextBoolean() ? 1f : 0f;
        }
        return Nd4j.create(pixels, new long[] {rows, DlgmModel.PIXELS}).castTo(Nd4j.defaultFloatingPointType());
    }

    /** A training feed at beta = 1. */
    private static Map<String, INDArray> feed(INDArray x, INDArray eps) {
        Map<String, INDArray> feed = new HashMap<>();
        feed.put("x", x);
        feed.put("eps", eps);
        feed.put("beta", Nd4j.scalar(Nd4j.defaultFloatingPointType(), 1.0));
        return feed;
    }

    /** VmHWM from /proc/self/status, or -1 where there is no /proc. */
    static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
