package org.nf4j.toy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.nf4j.flows.FlowKind;
import org.nf4j.logging.PrefixedLines;
import org.nf4j.plot.FigureGrid;
import org.nf4j.plot.LinePlot;
import org.nf4j.targets.Targets;
import org.nf4j.train.ProgressLine;

/**
 * The whole section-6.1 grid: targets x flows x K, one {@link ToyRun} per cell (a cell whose
 * summary already exists with the same number of steps is not redone), then one Figure-3-like
 * picture per flow (targets in rows, K in columns), a table of bounds (CSV and Markdown) and a plot
 * of the bound against K per target.
 */
public final class ToyGrid {
    private final List<String> targets;
    private final List<FlowKind> flows;
    private final List<Integer> ks;
    private final Path root;
    private final Path logRoot;
    private final UnaryOperator<ToyConfig> overrides;
    private final int jobs;

    /**
     * @param overrides applied to each cell's default config (steps, batch, lr ...); out and log
     *                  folders are then placed under {@code root} and {@code logRoot}
     * @param jobs      cells run at the same time (each on its own thread)
     */
    public ToyGrid(List<String> targets, List<FlowKind> flows, List<Integer> ks, Path root, Path logRoot,
                   UnaryOperator<ToyConfig> overrides, int jobs) {
        for (String t : targets) {
            Targets.byName(t);
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
        }
        // a value given twice would make two jobs train the same run in the same folder
        this.targets = List.copyOf(new LinkedHashSet<>(targets));
        this.flows = List.copyOf(new LinkedHashSet<>(flows));
        this.ks = List.copyOf(new LinkedHashSet<>(ks));
        this.root = root;
        this.logRoot = logRoot;
        this.overrides = overrides;
        this.jobs = jobs;
    }

    ToyConfig cellConfig(String target, FlowKind flow, int k) {
        ToyConfig c = overrides.apply(ToyConfig.defaults(target, flow, k));
        String name = ToyConfig.runName(target, flow, k);
        return new ToyConfig(c.target(), c.flow(), c.k(), c.steps(), c.batch(), c.learningRate(), c.clipNorm(),
                c.annealSteps(), c.seed(), c.evalSamples(), c.pictureSamples(), root.resolve(name), logRoot.resolve(name));
    }

    /** Runs (or reuses) every cell and writes the figures and tables; returns the summaries. */
    public List<ToySummary> run(PrintStream out) throws Exception {
        long start = System.nanoTime();
        List<ToyConfig> cells = new ArrayList<>();
        for (FlowKind flow : flows) {
            for (String target : targets) {
                for (int k : ks) {
                    cells.add(cellConfig(target, flow, k));
                }
            }
        }
        GridProgress progress = new GridProgress(out, cells.stream().mapToDouble(c -> cost(c)).sum(), cells.size(), jobs);
        List<ToyConfig> longestFirst = new ArrayList<>(cells);
        longestFirst.sort(Comparator.comparingDouble((ToyConfig c) -> cost(c)).reversed());
        Map<ToyConfig, Future<ToySummary>> results = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            for (ToyConfig c : longestFirst) {
                results.put(c, pool.submit(() -> cell(c, out, progress)));
            }
            List<ToySummary> summaries = new ArrayList<>();
            for (ToyConfig c : cells) {
                summaries.add(results.get(c).get());
            }
            writeReport(summaries);
            out.println(String.format(Locale.ROOT, "grid of %d runs finished in %s; figures and tables in %s",
                    cells.size(), ProgressLine.duration((System.nanoTime() - start) / 1e9), root));
            return summaries;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Relative cost of a cell, for the order of the runs (longest first, so the grid does not end on
     * one long run while the other jobs idle) and for the grid's ETA: a fixed part (evaluation,
     * pictures, per-update overhead) plus a part that grows with K, as measured here.
     */
    static double cost(ToyConfig c) {
        return cost(c, 0);
    }

    /** The cost of a cell's updates from {@code fromStep} on. */
    static double cost(ToyConfig c, int fromStep) {
        return (c.k() + 12.0) * Math.max(c.steps() - fromStep, 0) / 20_000.0 + 1;
    }

    private ToySummary cell(ToyConfig c, PrintStream out, GridProgress progress) throws IOException {
        String name = ToyConfig.runName(c.target(), c.flow(), c.k());
        Path summary = c.out().resolve(ToyRun.SUMMARY);
        if (Files.exists(summary)) {
            ToySummary s = ToySummary.parse(Files.readString(summary));
            if (s.steps() == c.steps()) {
                out.println("reusing " + summary + " (delete it to redo this run)");
                progress.skipped(cost(c));
                return s;
            }
        }
        out.println("running " + name);
        PrintStream cellOut = jobs > 1 ? PrefixedLines.of(out, "[" + name + "] ") : out;
        long start = System.nanoTime();
        ToySummary s = ToyRun.run(c, cellOut);
        cellOut.flush();
        progress.done(name, cost(c), cost(c, s.resumedFrom()), (System.nanoTime() - start) / 1e9);
        return s;
    }

    private void writeReport(List<ToySummary> summaries) throws IOException {
        Files.createDirectories(root);
        for (FlowKind flow : flows) {
            List<String> columns = new ArrayList<>();
            columns.add("exp(-U)");
            for (int k : ks) {
                columns.add("K = " + k);
            }
            FigureGrid fig = new FigureGrid(flow.id() + " flow: q_K for K = " + ks, targets, columns);
            for (int r = 0; r < targets.size(); r++) {
                fig.set(r, 0, ToyPictures.target(Targets.byName(targets.get(r))));
                for (int c = 0; c < ks.size(); c++) {
                    Path tile = root.resolve(ToyConfig.runName(targets.get(r), flow, ks.get(c))).resolve(ToyRun.LEARNED_TILE);
                    if (Files.exists(tile)) {
                        BufferedImage img = ImageIO.read(tile.toFile());
                        fig.set(r, c + 1, img);
                    }
                }
            }
            fig.write(root.resolve("figure3-" + flow.id() + ".png"));
        }
        Files.writeString(root.resolve("bounds.csv"), ToyTable.csv(summaries));
        Files.writeString(root.resolve("bounds.md"), ToyTable.markdown(summaries, ks));
        for (String target : targets) {
            LinePlot plot = new LinePlot("variational bound on " + target + " (lower is better)")
                    .xLabel("K (flow length)").yLabel("E_q[ln q + U] (nats)").logX(true);
            for (FlowKind flow : flows) {
                double[] x = ks.stream().mapToDouble(Integer::doubleValue).toArray();
                double[] y = new double[ks.size()];
                for (int i = 0; i < ks.size(); i++) {
                    y[i] = find(summaries, target, flow.id(), ks.get(i)).bound();
                }
                plot.series(flow.id(), x, y);
            }
            ToySummary any = find(summaries, target, flows.get(0).id(), ks.get(0));
            plot.reference("-ln Z (KL = 0)", -any.logZ());
            plot.write(root.resolve("bound-vs-k-" + target + ".png"), 640, 420);
        }
    }

    static ToySummary find(List<ToySummary> summaries, String target, String flow, int k) {
        return summaries.stream().filter(s -> s.target().equals(target) && s.flow().equals(flow) && s.k() == k)
                .findFirst().orElseThrow();
    }
}
