package org.nf4j.toy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.nf4j.config.Mappers;
import org.nf4j.flows.FlowKind;
import org.nf4j.plot.FigureGrid;
import org.nf4j.plot.LinePlot;
import org.nf4j.spark.CellTask;
import org.nf4j.spark.OutputFolders;
import org.nf4j.spark.SweepEngine;
import org.nf4j.spark.SweepProgress;
import org.nf4j.targets.Targets;
import org.nf4j.train.ProgressLine;
import org.nf4j.train.SettingsDiff;

/**
 * The whole section-6.1 grid: targets x flows x K (a cell whose summary already exists from the same
 * configuration is not redone), the targets of each (flow, K) trained together in one graph
 * ({@link ToyGroupRun}; or one {@link ToyRun} per cell), each such job one Spark task
 * ({@link SweepEngine}: as many at once as it has slots, longest first), then one Figure-3-like
 * picture per flow (targets in rows, K in columns), a table of bounds (CSV and Markdown) and a plot
 * of the bound against K per target. Folders are made absolute, the same paths on every worker of a
 * cluster (a shared mount).
 */
public final class ToyGrid {
    /** What each task does: the job's runs, with the task's console. */
    static final CellTask<ToyGridJob, List<ToySummary>> TASK = (job, context) -> job.run(context.out());

    private final List<String> targets;
    private final List<FlowKind> flows;
    private final List<Integer> ks;
    private final Path root;
    private final Path logRoot;
    private final UnaryOperator<ToyConfig> overrides;
    private final boolean together;

    /**
     * @param overrides applied to each cell's default config (steps, batch, lr ...); out and log
     *                  folders are then placed under {@code root} and {@code logRoot}
     * @param together  train the targets of each (flow, K) together in one graph ({@link ToyGroupRun}),
     *                  not one graph per run
     */
    public ToyGrid(List<String> targets, List<FlowKind> flows, List<Integer> ks, Path root, Path logRoot,
                   UnaryOperator<ToyConfig> overrides, boolean together) {
        for (String t : targets) {
            Targets.byName(t);
        }
        // a value given twice would make two jobs train the same run in the same folder
        this.targets = List.copyOf(new LinkedHashSet<>(targets));
        this.flows = List.copyOf(new LinkedHashSet<>(flows));
        this.ks = List.copyOf(new LinkedHashSet<>(ks));
        this.root = root.toAbsolutePath().normalize();
        this.logRoot = logRoot.toAbsolutePath().normalize();
        this.overrides = overrides;
        this.together = together;
    }

    /** The cell's default config with the grid's overrides, written under the grid's folders. */
    ToyConfig cellConfig(String target, FlowKind flow, int k) {
        String name = ToyConfig.runName(target, flow, k);
        return overrides.apply(ToyConfig.defaults(target, flow, k)).withFolders(root.resolve(name), logRoot.resolve(name));
    }

    /** Runs (or reuses) every cell on {@code engine} and writes the figures and tables; returns the summaries. */
    public List<ToySummary> run(SweepEngine engine, PrintStream out) throws IOException {
        return run(engine, TASK, out);
    }

    List<ToySummary> run(SweepEngine engine, CellTask<ToyGridJob, List<ToySummary>> task, PrintStream out) throws IOException {
        long start = System.nanoTime();
        OutputFolders.requireWritable(root, logRoot);
        List<ToyConfig> cells = new ArrayList<>();
        Map<ToyConfig, ToySummary> done = new LinkedHashMap<>();
        List<ToyGridJob> work = new ArrayList<>();
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
                if (together && pending.size() > 1) {
                    work.add(ToyGridJob.group(pending, root));
                } else {
                    pending.forEach(c -> work.add(ToyGridJob.single(c)));
                }
            }
        }
        SweepProgress progress = new SweepProgress(out, "grid", "runs", work.stream().mapToDouble(ToyGridJob::cost).sum(),
                cells.size(), done.size(), engine::slots);
        engine.run(work, task, out, (job, outcome) -> {
            List<ToySummary> s = outcome.value();
            for (int j = 0; j < s.size(); j++) {
                done.put(job.cells().get(j), s.get(j));
            }
            progress.done(job.name(), job.cells().size(), job.cost(), job.cost(s.get(0).resumedFrom()), outcome.seconds());
        });
        List<ToySummary> summaries = new ArrayList<>();
        for (ToyConfig c : cells) {
            summaries.add(done.get(c));
        }
        writeReport(summaries);
        out.println(String.format(Locale.ROOT, "grid of %d runs finished in %s; figures and tables in %s",
                cells.size(), ProgressLine.duration((System.nanoTime() - start) / 1e9), root));
        return summaries;
    }

    /**
     * The cell's summary when it exists and the run's {@code config.json} matches the cell's whole
     * configuration (all but the executor, which does not change the numbers, and the folders, which
     * are where it was found), else null, saying what differs.
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

    /** A run's config.json as text values by field, without the executor and the folders. */
    private static Map<String, String> settings(String json) {
        Map<String, String> m = new TreeMap<>();
        Mappers.jsonObject(json).fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        m.remove("executor");
        m.remove("out");
        m.remove("log_dir");
        return m;
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
