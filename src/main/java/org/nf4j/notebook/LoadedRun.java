package org.nf4j.notebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nf4j.config.TrainConfig;
import org.nf4j.eval.CheckpointModel;
import org.nf4j.eval.EvalRun;
import org.nf4j.model.DlgmModel;
import org.nf4j.train.Checkpoint;
import org.nf4j.train.CheckpointStore;

/**
 * A trained MNIST run loaded into its model: the configuration and parameters of one checkpoint
 * ({@link Checkpoint#read}, {@link CheckpointModel#load}), and what a notebook asks of the model:
 * pictures from the prior, reconstructions, samples of the posterior before and after the flow,
 * decoded latent points. Pictures are {@code double[784]} means of the decoder's Bernoulli pixels.
 *
 * @param runDir     the run's folder
 * @param checkpoint the checkpoint file the parameters came from
 * @param step       the update it was written at
 * @param config     the run's configuration as stored in it
 * @param model      a fresh model holding its parameters
 */
public record LoadedRun(Path runDir, Path checkpoint, long step, TrainConfig config, DlgmModel model) {

    /** The run's best checkpoint ({@code best.zip}, best validation -ELBO), or its newest if it has none. */
    public static LoadedRun load(Path runDir) throws IOException {
        boolean best = Files.isRegularFile(runDir.resolve("checkpoints").resolve(CheckpointStore.BEST));
        return load(runDir, best ? "best" : "latest");
    }

    /** One checkpoint of the run: {@code best}, {@code latest} or a checkpoint file (as {@code eval --checkpoint}). */
    public static LoadedRun load(Path runDir, String which) throws IOException {
        Path file = EvalRun.checkpointFile(runDir, which);
        Checkpoint c = Checkpoint.read(file);
        return new LoadedRun(runDir, file, c.step(), CheckpointModel.config(c), CheckpointModel.load(c));
    }

    /** One line: run, checkpoint, step and the model's settings. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%s: %s at update %d; flow %s, K = %d, latent %d, hidden %d",
                runDir.getFileName(), checkpoint.getFileName(), step, config.k() == 0 ? "none" : config.flow(), config.k(),
                config.latent(), config.hidden());
    }

    /** {@code n} pictures decoded from z ~ N(0, I) (the generative model alone). */
    public List<double[]> priorSamples(int n, long seed) {
        return decode(normal(n, new Random(seed)));
    }

    /** The decoder's pictures at the latent points {@code z} [n][D]. */
    public List<double[]> decode(double[][] z) {
        return rows(output(Map.of("zPrior", array(z)), DlgmModel.PRIOR_SAMPLES));
    }

    /** Each picture encoded (one z_K drawn from q_K(z|x)) and decoded again. */
    public List<double[]> reconstructions(List<double[]> images, long seed) {
        double[][] x = images.toArray(double[][]::new);
        INDArray eps = array(normal(x.length, new Random(seed)));
        return rows(output(Map.of("x", array(x), "eps", eps), DlgmModel.RECONSTRUCTIONS));
    }

    /**
     * {@code n} samples of the posterior of one picture, before the flow (z0 ~ q0(z|x)) and after it
     * (z_K = f_K o ... o f_1 (z0), the same draws pushed through): {@code [0]} is z0, {@code [1]} z_K, each [n][D].
     */
    public double[][][] posterior(double[] image, int n, long seed) {
        double[][] x = new double[n][];
        java.util.Arrays.fill(x, image);
        Map<String, INDArray> out = model.sameDiff().output(Map.of("x", array(x), "eps", array(normal(n, new Random(seed)))),
                DlgmModel.Z0, DlgmModel.ZK);
        return new double[][][] {out.get(DlgmModel.Z0).toDoubleMatrix(), out.get(DlgmModel.ZK).toDoubleMatrix()};
    }

    /** Each picture's latent point at the posterior's centre: z_K of eps = 0 (the flow applied to the encoder's mean). */
    public double[][] encode(List<double[]> images) {
        double[][] x = images.toArray(double[][]::new);
        return output(Map.of("x", array(x), "eps", array(new double[x.length][model.latent()])), DlgmModel.ZK).toDoubleMatrix();
    }

    /** {@code steps} points on the line from {@code a} to {@code b} (both included). */
    public static double[][] line(double[] a, double[] b, int steps) {
        double[][] out = new double[steps][a.length];
        for (int s = 0; s < steps; s++) {
            double t = steps == 1 ? 0 : s / (double) (steps - 1);
            for (int d = 0; d < a.length; d++) {
                out[s][d] = (1 - t) * a[d] + t * b[d];
            }
        }
        return out;
    }

    private INDArray output(Map<String, INDArray> feed, String name) {
        return model.sameDiff().output(feed, name).get(name);
    }

    private double[][] normal(int n, Random rng) {
        double[][] z = new double[n][model.latent()];
        for (double[] row : z) {
            for (int d = 0; d < row.length; d++) {
                row[d] = rng.nextGaussian();
            }
        }
        return z;
    }

    private static INDArray array(double[][] values) {
        return Nd4j.create(values).castTo(Nd4j.defaultFloatingPointType());
    }

    private static List<double[]> rows(INDArray a) {
        return new ArrayList<>(List.of(a.toDoubleMatrix()));
    }
}
