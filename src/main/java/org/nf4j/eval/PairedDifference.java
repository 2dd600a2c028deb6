package org.nf4j.eval;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The mean difference between two models evaluated on the same digits, with the standard error of
 * the per-digit differences. Most of the spread of -ln p(x) across digits is shared by any two
 * models (some digits are simply harder), so the paired standard error is far smaller than the
 * two unpaired ones: it is what says whether one model beats another.
 *
 * <p>Per-digit values live in {@code eval-<split>-per-example.csv} next to {@code eval.json}: a
 * header line, then {@code example,neg_log_px_is,neg_elbo} per digit.
 */
public record PairedDifference(int examples, MeanEstimate negLogPx, MeanEstimate negElbo) implements Serializable {

    /** The per-digit file of a run folder for a split (test, validation). */
    public static Path file(Path runDir, String split) {
        return runDir.resolve("eval-" + split + "-per-example.csv");
    }

    /** Writes the per-digit estimates. */
    public static void write(Path file, ImportanceSampler.Estimate[] e) throws IOException {
        StringBuilder b = new StringBuilder("example,neg_log_px_is,neg_elbo\n");
        for (int i = 0; i < e.length; i++) {
            b.append(String.format(Locale.ROOT, "%d,%.6f,%.6f%n", i, -e[i].logPx(), e[i].negElbo()));
        }
        Files.writeString(file, b.toString());
    }

    /** Rows {@code [neg_log_px_is, neg_elbo]} per digit, in example order. */
    static double[][] read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split(",");
            if (f.length != 3 || Integer.parseInt(f[0].trim()) != rows.size()) {
                throw new IOException(file + " line " + (i + 1) + ": expected example,neg_log_px_is,neg_elbo in order");
            }
            rows.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
        }
        return rows.toArray(new double[0][]);
    }

    /** {@code model - baseline} over the digits both were evaluated on (the shorter list's). */
    public static PairedDifference of(Path model, Path baseline) throws IOException {
        double[][] a = read(model);
        double[][] b = read(baseline);
        int n = Math.min(a.length, b.length);
        if (n == 0) {
            throw new IllegalArgumentException("no common digits between " + model + " and " + baseline);
        }
        double[] dPx = new double[n];
        double[] dElbo = new double[n];
        for (int i = 0; i < n; i++) {
            dPx[i] = a[i][0] - b[i][0];
            dElbo[i] = a[i][1] - b[i][1];
        }
        return new PairedDifference(n, MeanEstimate.of(dPx), MeanEstimate.of(dElbo));
    }

    /**
     * The -ln p(x) difference over several training seeds, each seed's pair of runs evaluated on the
     * same digits: the mean of the per-seed means ± their standard error across seeds, which holds
     * the run-to-run spread that one pair's digit-level error leaves out; for one pair, its own
     * estimate (the error across digits).
     */
    public static MeanEstimate overSeeds(List<PairedDifference> pairs) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no pairs");
        }
        if (pairs.size() == 1) {
            return pairs.get(0).negLogPx();
        }
        return MeanEstimate.of(pairs.stream().mapToDouble(p -> p.negLogPx().mean()).toArray());
    }

    /** One line: the differences with their paired standard errors. */
    public String summaryLine(String model, String baseline) {
        return String.format(Locale.ROOT, "%s - %s over %d digits (paired): -ln p(x) %+.3f ± %.3f | -elbo %+.3f ± %.3f nats",
                model, baseline, examples, negLogPx.mean(), negLogPx.standardError(), negElbo.mean(),
                negElbo.standardError());
    }
}
