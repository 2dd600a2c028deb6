package org.nf4j.notebook;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.nf4j.flows.FlowKind;
import org.nf4j.toy.ToyConfig;
import org.nf4j.toy.ToyRun;
import org.nf4j.toy.ToySummary;

/**
 * Short 2-D fits for a notebook (paper section 6.1): {@link ToyRun} with a budget of a few thousand
 * updates, a learning rate ten times the default (1e-2, falling linearly to 0; on U1 with K = 8 this
 * brought 2,000 updates from an exact KL of 1.03 to 0.13 nats for planar flows) and no annealing, so
 * that the logged free energy is the bound itself, in
 * {@code models/notebook-toy/} and {@code logs/notebook-toy/} (apart from the {@code toy} command's
 * runs). A fit already finished with the same settings is read back, not redone.
 */
public final class ToyFits {
    /** The folder under models/ and logs/. */
    public static final String FOLDER = "notebook-toy";
    /** Samples of the final bound (the least {@link ToyConfig} allows) and of a histogram picture. */
    static final int EVAL_SAMPLES = 10_000;
    static final int PICTURE_SAMPLES = 200_000;
    /** Adam's initial learning rate. */
    static final double LEARNING_RATE = 1e-2;

    private ToyFits() {
    }

    /**
     * One finished fit.
     *
     * @param out     its folder (density.png, summary.json, checkpoints)
     * @param logs    its TensorBoard folder
     * @param summary the bound, ln Z and exact KL
     */
    public record Fit(String name, Path out, Path logs, ToySummary summary) {
        /** The fitted density q_K alone (exact through the inverse flow, else a histogram of samples). */
        public BufferedImage density() throws IOException {
            return Show.png(out.resolve(ToyRun.LEARNED_TILE));
        }

        /** The training curve: the bound on each logged update's batch (nats). */
        public Scalars.Series bound() throws IOException {
            return Scalars.read(logs).get("train/free_energy");
        }
    }

    /** Fits {@code target} (u1..u4) with {@code k} steps of {@code flow} for {@code steps} updates. */
    public static Fit fit(Workspace ws, String target, String flow, int k, int steps) throws IOException {
        ToyConfig c = config(ws, target, FlowKind.parse(flow), k, steps);
        ToySummary s = ToyRun.run(c, System.out);
        return new Fit(c.out().getFileName().toString(), c.out(), c.logDir(), s);
    }

    /**
     * {@link ToyConfig#defaults} with this budget, the notebook's learning rate falling to 0 over it,
     * no annealing, fewer evaluation samples and the notebook's folders.
     */
    private static ToyConfig config(Workspace ws, String target, FlowKind kind, int k, int steps) {
        String name = ToyConfig.runName(target, kind, k);
        return ToyConfig.defaults(target, kind, k).with(java.util.Map.of("steps", Integer.toString(steps),
                        "learning-rate", Double.toString(LEARNING_RATE), "lr-decay-steps", Integer.toString(steps), "anneal-steps", "0",
                        "eval-samples", Integer.toString(EVAL_SAMPLES), "picture-samples", Integer.toString(PICTURE_SAMPLES)))
                .withFolders(ws.models().resolve(FOLDER).resolve(name), ws.logs().resolve(FOLDER).resolve(name));
    }
}
