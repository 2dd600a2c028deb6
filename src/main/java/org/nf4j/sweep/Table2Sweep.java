package org.nf4j.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nf4j.config.TrainConfig;
import org.nf4j.data.DigitSource;
import org.nf4j.eval.EvalRun;
import org.nf4j.eval.PairedDifference;
import org.nf4j.flows.FlowKind;
import org.nf4j.spark.CellTask;
import org.nf4j.spark.OutputFolders;
import org.nf4j.spark.SweepEngine;
import org.nf4j.spark.SweepProgress;
import org.nf4j.train.ProgressLine;

/**
 * Paper Table 2 as a sweep: the diagonal model (K = 0) and every flow x K, all under the same base
 * configuration and budget, each trained from one or several seeds, each cell one Spark task
 * ({@link SweepEngine}: as many at once as it has slots, longest first; each cell resumable, see
 * {@link Table2Cell}); then {@code table2.md}, {@code table2.csv} (one line per model, over its
 * seeds), {@code table2-runs.csv} (one line per run) and {@code figure4.png} in the output folder,
 * rewritten by the driver after every finished cell. Runs are named {@code <prefix>-<flow>-k<K>}
 * ({@code <prefix>-diagonal-k0}) for the first seed, with {@code -seed<S>} appended for the others.
 * Folders are made absolute, the same paths on every worker of a cluster (a shared mount).
 */
public final class Table2Sweep {
    public static final String MARKDOWN = "table2.md";
    public static final String CSV = "table2.csv";
    public static final String RUNS_CSV = "table2-runs.csv";
    public static final String FIGURE = "figure4.png";

    private final TrainConfig base;
    private final List<String> flows;
    private final List<Integer> ks;
    private final List<Long> seeds;
    private final Set<Integer> seedKs;
    private final String prefix;
    private final Path models;
    private final Path logs;
    private final Path out;
    private final EvalRun.Settings eval;

    /**
     * @param base   the configuration every cell starts from (budget, optimizer, lr, ...); flow, k and
     *               run name are set per cell
     * @param flows  flow names (K &gt; 0 cells); the diagonal cell is always included
     * @param ks     flow lengths; 0 stands for the diagonal cell, which runs once per seed
     * @param seeds  training seeds: every model is trained from {@code base}'s seed and from
     *               {@code seeds - 1} more (seed + 1, seed + 2, ...)
     * @param seedKs the K whose models get all the seeds (the others only the first); empty for all
     */
    public Table2Sweep(TrainConfig base, List<String> flows, List<Integer> ks, int seeds, Set<Integer> seedKs, String prefix,
                       Path models, Path logs, Path out, EvalRun.Settings eval) {
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be at least 1, got " + seeds);
        }
        for (int k : ks) {
            if (k < 0) {
                throw new IllegalArgumentException("--ks must be >= 0, got " + k);
            }
        }
        if (prefix.isBlank() || prefix.contains("/")) {
            throw new IllegalArgumentException("--prefix must be a plain name, got '" + prefix + "'");
        }
        this.flows = flows.stream().map(f -> FlowKind.parse(f).id()).distinct().toList();
        this.ks = ks.stream().filter(k -> k > 0).distinct().sorted().toList();
        this.seeds = java.util.stream.LongStream.range(0, seeds).map(i -> base.seed() + i).boxed().toList();
        this.seedKs = Set.copyOf(seedKs);
        this.base = base;
        this.prefix = prefix;
        this.models = models.toAbsolutePath().normalize();
        this.logs = logs.toAbsolutePath().normalize();
        this.out = out.toAbsolutePath().normalize();
        this.eval = eval;
    }

    /**
     * The cells in table order: for each seed in turn, the diagonal model first (always: the other
     * runs of the seed are paired with it), then each flow by increasing K (after the first seed only
     * the K of {@code seedKs}). They run longest first.
     */
    public List<Table2Cell> cells() {
        List<Table2Cell> cells = new ArrayList<>();
        for (long seed : seeds) {
            boolean first = seed == seeds.get(0);
            cells.add(cell("diagonal", 0, seed)); // every seed's runs are paired with the diagonal run of that seed
            for (String f : flows) {
                for (int k : ks) {
                    if (first || seedKs.isEmpty() || seedKs.contains(k)) {
                        cells.add(cell(f, k, seed));
                    }
                }
            }
        }
        return cells;
    }

    private Table2Cell cell(String flow, int k, long seed) {
        String name = prefix + "-" + flow + "-k" + k + (seed == seeds.get(0) ? "" : "-seed" + seed);
        TrainConfig c = base.with("flow", flow).with("k", Integer.toString(k)).with("seed", Long.toString(seed))
                .with("run-name", name);
        return new Table2Cell(flow, k, c);
    }

    /**
     * Runs every cell as a Spark task (longest first; each loads its digits from {@code data} where it
     * runs), writes the table and the figure after each finished cell, and returns the rows in table
     * order. The driver first checks that the output folders can be written and that no run folder
     * was made with other settings.
     */
    public List<Table2Row> run(SweepEngine engine, DigitSource data, PrintStream log) throws IOException {
        return run(engine, task(data), log);
    }

    /** What each task does (tests wrap it to inject faults). */
    CellTask<Table2Cell, Table2Cell.Outcome> task(DigitSource data) {
        return new Table2Task(models.toString(), logs.toString(), eval, data);
    }

    List<Table2Row> run(SweepEngine engine, CellTask<Table2Cell, Table2Cell.Outcome> task, PrintStream log) throws IOException {
        long start = System.nanoTime();
        List<Table2Cell> cells = cells();
        OutputFolders.requireWritable(models, logs, out);
        for (Table2Cell c : cells) {
            c.checkSameConfig(models);
        }
        Map<String, Table2Row> finished = new HashMap<>();
        SweepProgress progress = new SweepProgress(log, "table2", "cells", cells.stream().mapToDouble(Table2Cell::cost).sum(),
                cells.size(), 0, engine::slots);
        engine.run(cells, task, log, (cell, outcome) -> {
            finished.put(cell.run(), outcome.value().row());
            write(paired(cells, finished));
            progress.done(cell.run(), 1, cell.cost(), cell.cost(outcome.value().trainedFrom()), outcome.seconds());
        });
        List<Table2Row> rows = paired(cells, finished);
        log.println(String.format(Locale.ROOT, "table2: %d cells done in %s", cells.size(),
                ProgressLine.duration((System.nanoTime() - start) / 1e9)));
        log.print(Table2Table.markdown(rows, base, eval));
        log.println("table: " + out.resolve(MARKDOWN) + " and " + out.resolve(CSV) + "; figure: " + out.resolve(FIGURE));
        return rows;
    }

    /** The finished rows in the order of {@link #cells()}, each with its paired difference to the diagonal row of its seed. */
    private List<Table2Row> paired(List<Table2Cell> cells, Map<String, Table2Row> finished) throws IOException {
        List<Table2Row> rows = new ArrayList<>();
        for (Table2Cell c : cells) {
            Table2Row row = finished.get(c.run());
            if (row != null) {
                rows.add(withPairedDifference(row, finished.values()));
            }
        }
        return rows;
    }

    /** The row with its per-digit difference to the diagonal row of the same seed, when both have per-digit files. */
    private Table2Row withPairedDifference(Table2Row row, Collection<Table2Row> done) throws IOException {
        if (row.k() == 0) {
            return row;
        }
        for (Table2Row d : done) {
            if (d.k() == 0 && d.seed() == row.seed()) {
                Path mine = PairedDifference.file(models.resolve(row.run()), "test");
                Path theirs = PairedDifference.file(models.resolve(d.run()), "test");
                if (Files.exists(mine) && Files.exists(theirs)) {
                    return row.withVsDiagonal(PairedDifference.of(mine, theirs));
                }
            }
        }
        return row;
    }

    /** Writes the table and the figure for the rows so far (after every cell, so a partial sweep has them too). */
    void write(List<Table2Row> rows) throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve(MARKDOWN), Table2Table.markdown(rows, base, eval));
        Files.writeString(out.resolve(CSV), Table2Table.csv(rows, base, eval));
        Files.writeString(out.resolve(RUNS_CSV), Table2Table.runsCsv(rows));
        Figure4Plot.write(rows, Table2Table.caption(base, eval, seeds.size()), out.resolve(FIGURE));
    }
}
