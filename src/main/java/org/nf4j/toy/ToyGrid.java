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
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.nf4j.config.Mappers;
import org.nf4j.flows.FlowKind;
import org.nf4j.logging.PrefixedLines;
import org.nf4j.plot.FigureGrid;
import org.nf4j.plot.LinePlot;
import org.nf4j.targets.Targets;
import org.nf4j.train.ProgressLine;
import org.nf4j.train.SettingsDiff;

/**
 * The whole section-6.1 grid: targets x flows x K (a cell whose summary already exists from the same
 * configuration is not redone), the targets of each (flow, K) trained together in one graph
 * ({@link ToyGroupRun}; or one {@link ToyRun} per cell), then one Figure-3-like
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
    private final boolean together;

    /**
     * @param overrides applied to each cell's default config (steps, batch, lr ...); out and log
     *                  folders are then placed under {@code root} and {@code logRoot}
     * @param jobs      jobs run at the same time (each on its own thread)
     * @param together  train the targets of each (flow, K) together in one graph ({@link ToyGroupRun}),
     *                  not one graph per run
     */
    public ToyGrid(List<String> targets, List<FlowKind> flows, List<Integer> ks, Path root, Path logRoot,
                   UnaryOperator<ToyConfig> overrides, int jobs, boolean together) {
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
        this.together = together;
    }

    /** The cell's default config with the grid's overrides, written under the grid's folders. */
    ToyConfig cellConfig(String target, FlowKind flow, int k) {
        String name = ToyConfig.runName(target, flow, k);
        return overrides.apply(ToyConfig.defaults(target, flow, k)).withFolders(root.resolve(name), logRoot.resolve(name));
    }

    /** Runs (or reuses) every cell and writes the figures and tables; returns the summaries. */
    public List<ToySummary> run(PrintStream out) throws Exception {
        long start = System.nanoTime();
        List<ToyConfig> cells = new ArrayList<>();
        Map<ToyConfig, ToySummary> done = new LinkedHashMap<>();
        List<List<ToyConfig>> work = new ArrayList<>();
        double totalCost = 0;
        for (FlowKind flow : flows) {
            for (int k : ks) {
                List<ToyConfig> pending = new ArrayList<>();
                for (String target : targets) {
                    ToyConfig c = cellConfig(target, flow, k);
                    cells.add(c);
                    ToySummary s = reusable(c, out);
                    if (s != null) {
                        out.println("reusing " + c.out().resolve(ToyRun.SUMMARY) + " (delete it to redo this run)");
                        done.put(c, s);
                    } else {
                        pending.add(c);
                    }
                }
                if (together && !pending.isEmpty()) {
                    work.add(pending);
                } else {
                    pending.forEach(c -> work.add(List.of(c)));
                }
            }
        }
        for (List<ToyConfig> job : work) {
            totalCost += cost(job, 0);
        }
        GridProgress progress = new GridProgress(out, totalCost, cells.size(), done.size(), jobs);
        work.sort(Comparator.comparingDouble((List<ToyConfig> j) -> cost(j, 0)).reversed());
        List<Future<List<ToySummary>>> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            for (List<ToyConfig> job : work) {
                results.add(pool.submit(() -> job(job, out, progress)));
            }
            for (int i = 0; i < work.size(); i++) {
                List<ToySummary> s = results.get(i).get();
                for (int j = 0; j < s.size(); j++) {
                    done.put(work.get(i).get(j), s.get(j));
                }
            }
            List<ToySummary> summaries = new ArrayList<>();
            for (ToyConfig c : cells) {
                summaries.add(done.get(c));
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
     * The cell's summary when it exists and the run's {@code config.json} matches the cell's whole
     * configuration (all but the executor, which does not change the numbers), else null, saying
     * what differs.
     */
    private static ToySummary reusable(ToyConfig c, PrintStream out) throws IOException {
        Path summary = c.out().resolve(ToyRun.SUMMARY);
        Path config = c.out().resolve(ToyRun.CONFIG);
        if (!Files.exists(summary)) {
            return null;
        }
        Map<String, String> theirs = Files.exists(config) ? settings(Files.readString(config)) : Map.of();
        Map<String, String> mine = settings(c.toJson());
        List<String> differing = SettingsDiff.keys(theirs, mine, mine.keySet());
        if (!differing.isEmpty()) {
            out.println("redoing " + c.out().getFileName() + ": its " + ToyRun.CONFIG + " differs from this grid's ("
                    + SettingsDiff.describe(theirs, mine, differing) + ")");
            return null;
        }
        return ToySummary.parse(Files.readString(summary));
    }

    /** A run's config.json as text values by field, without the executor. */
    private static Map<String, String> settings(String json) {
        Map<String, String> m = new TreeMap<>();
        Mappers.jsonObject(json).fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        m.remove("executor");
        return m;
    }

    /**
     * Relative cost of a job (one run, or several targets trained together), for the order of the
     * jobs (longest first, so the grid does not end on one long job while the others idle) and for
     * the grid's ETA: per run a fixed part (evaluation, pictures), and updates whose cost grows with K,
     * each extra target of a group adding about a third of a single run's (as measured here).
     *
     * @param fromStep the update the job starts from (a checkpoint's), 0 for all of it
     */
    static double cost(List<ToyConfig> job, int fromStep) {
        ToyConfig c = job.get(0);
        double updates = (c.k() + 12.0) * Math.max(c.steps() - fromStep, 0) / 20_000.0;
        return updates * (1 + 0.3 * (job.size() - 1)) + job.size();
    }

    private List<ToySummary> job(List<ToyConfig> job, PrintStream out, GridProgress progress) throws IOException {
        ToyConfig first = job.get(0);
        String name = job.size() == 1 ? ToyConfig.runName(first.target(), first.flow(), first.k())
                : first.flow().id() + "-k" + first.k();
        out.println("running " + name + (job.size() > 1 ? " (" + job.size() + " targets in one graph)" : ""));
        PrintStream jobOut = jobs > 1 ? PrefixedLines.of(out, "[" + name + "] ") : out;
        long start = System.nanoTime();
        List<ToySummary> s;
        if (job.size() == 1) {
            s = List.of(ToyRun.run(first, jobOut));
        } else {
            s = ToyGroupRun.run(job, root.resolve(name + "-together").resolve(ToyRun.CHECKPOINTS), jobOut);
        }
        jobOut.flush();
        progress.done(name, job.size(), cost(job, 0), cost(job, s.get(0).resumedFrom()), (System.nanoTime() - start) / 1e9);
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
