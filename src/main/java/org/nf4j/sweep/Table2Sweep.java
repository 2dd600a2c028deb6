package org.nf4j.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.nf4j.config.TrainConfig;
import org.nf4j.data.MnistSplitData;
import org.nf4j.eval.EvalRun;
import org.nf4j.eval.PairedDifference;
import org.nf4j.flows.FlowKind;
import org.nf4j.train.ProgressLine;

/**
 * Paper Table 2 as a sweep: the diagonal model (K = 0) and every flow x K, all under the same base
 * configuration and budget, each trained from one or several seeds, run one after the other (each
 * cell resumable, see {@link Table2Cell}): first every model with the first seed, then the other
 * seeds; then {@code table2.md}, {@code table2.csv} (one line per model, over its seeds),
 * {@code table2-runs.csv} (one line per run) and {@code figure4.png} in the output folder. Runs are
 * named {@code <prefix>-<flow>-k<K>} ({@code <prefix>-diagonal-k0}) for the first seed, with
 * {@code -seed<S>} appended for the others.
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
        this.models = models;
        this.logs = logs;
        this.out = out;
        this.eval = eval;
    }

    /**
     * The cells in the order they run: for each seed in turn, the diagonal model first (always: the
     * other runs of the seed are paired with it), then each flow by increasing K (after the first
     * seed only the K of {@code seedKs}).
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

    /** Runs every cell, writes the table and the figure, returns the rows. */
    public List<Table2Row> run(MnistSplitData train, MnistSplitData validation, MnistSplitData test, PrintStream log)
            throws IOException {
        long start = System.nanoTime();
        List<Table2Cell> cells = cells();
        List<Table2Row> rows = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Table2Cell c = cells.get(i);
            log.println(String.format(Locale.ROOT, "== table2 cell %d/%d: %s (%s, K = %d, seed %d) | elapsed %s", i + 1,
                    cells.size(), c.run(), c.flow(), c.k(), c.config().seed(),
                    ProgressLine.duration((System.nanoTime() - start) / 1e9)));
            rows.add(withPairedDifference(c.run(models, logs, train, validation, test, eval, log), rows));
            write(rows);
        }
        log.println(String.format(Locale.ROOT, "table2: %d cells done in %s", cells.size(),
                ProgressLine.duration((System.nanoTime() - start) / 1e9)));
        log.print(Table2Table.markdown(rows, base, eval));
        log.println("table: " + out.resolve(MARKDOWN) + " and " + out.resolve(CSV) + "; figure: " + out.resolve(FIGURE));
        return rows;
    }

    /** The row with its per-digit difference to the diagonal row of the same seed, when both have per-digit files. */
    private Table2Row withPairedDifference(Table2Row row, List<Table2Row> done) throws IOException {
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
