package org.nf4j.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.nf4j.eval.EvalResult;
import org.nf4j.eval.MeanEstimate;
import org.nf4j.eval.PairedDifference;

/**
 * One model of the table (a flow at one K) over its training runs, one per seed. With several
 * seeds every figure is the mean over them, ± the standard error across them (sd / sqrt(seeds)):
 * runs trained from other seeds differ far more than the test digits' noise says, so only this
 * error compares models honestly. With one seed the ± is the error across test digits alone (the
 * table says so).
 *
 * @param runs the model's runs (same flow and K), one per seed
 */
public record Table2Model(String flow, int k, List<Table2Row> runs) {

    public Table2Model {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one run");
        }
        runs = List.copyOf(runs);
    }

    /** The rows grouped by (flow, K), in order of first appearance. */
    public static List<Table2Model> of(List<Table2Row> rows) {
        Map<String, List<Table2Row>> byModel = new LinkedHashMap<>();
        for (Table2Row r : rows) {
            byModel.computeIfAbsent(r.flow() + "/" + r.k(), x -> new ArrayList<>()).add(r);
        }
        return byModel.values().stream().map(rs -> new Table2Model(rs.get(0).flow(), rs.get(0).k(), rs)).toList();
    }

    public int seeds() {
        return runs.size();
    }

    /** -ln p(x): mean over seeds ± its standard error (one seed: the error across digits). */
    public MeanEstimate negLogPx() {
        return overSeeds(EvalResult::negLogPxIs, EvalResult::negLogPxIsSe);
    }

    public MeanEstimate negElbo() {
        return overSeeds(EvalResult::negElbo, EvalResult::negElboSe);
    }

    public MeanEstimate kl() {
        return overSeeds(EvalResult::klEstimate, EvalResult::klEstimateSe);
    }

    /** The standard deviation of -ln p(x) across seeds (NaN with one seed). */
    public double seedSpread() {
        MeanEstimate m = negLogPx();
        return seeds() > 1 ? m.standardError() * Math.sqrt(seeds()) : Double.NaN;
    }

    /**
     * This model minus the diagonal model, each seed's run against the diagonal run of the same seed
     * on the same digits: the mean of the per-seed paired means ± their standard error across seeds
     * (one seed: the paired error across digits); null when no run has its pair.
     */
    public MeanEstimate vsDiagonal() {
        List<PairedDifference> paired = runs.stream().map(Table2Row::vsDiagonal).filter(d -> d != null).toList();
        return paired.isEmpty() ? null : PairedDifference.overSeeds(paired);
    }

    /** Updates of the runs (the smallest, should they differ). */
    public long steps() {
        return runs.stream().mapToLong(Table2Row::steps).min().orElseThrow();
    }

    private MeanEstimate overSeeds(ToDoubleFunction<EvalResult> value, ToDoubleFunction<EvalResult> digitError) {
        if (runs.size() == 1) {
            EvalResult e = runs.get(0).eval();
            return new MeanEstimate(value.applyAsDouble(e), digitError.applyAsDouble(e), 1);
        }
        return MeanEstimate.of(runs.stream().mapToDouble(r -> value.applyAsDouble(r.eval())).toArray());
    }
}
