package org.nf4j.sweep;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.nf4j.config.TrainConfig;
import org.nf4j.eval.EvalResult;
import org.nf4j.eval.EvalRun;
import org.nf4j.eval.MeanEstimate;

/**
 * The sweep's results laid out like the paper's Table 2, with the paper's numbers beside ours
 * (Markdown, and CSV per model and per run), each saying which protocol and budget it comes from.
 */
public final class Table2Table {
    /** The paper's protocol, as far as it states it (Rezende and Mohamed 2015, section 6.2). */
    static final String PAPER_PROTOCOL = "500,000 RMSprop updates (lr 1e-5, momentum 0.9) of 100 binarised digits, "
            + "beta_t = min(1, 0.01 + t/10000), -ln p(x) by importance sampling with S = 200; its training split and "
            + "binarisation are not stated";

    private Table2Table() {
    }

    /** nf4j's protocol for {@code base} and {@code eval}, in one paragraph. */
    static String protocol(TrainConfig base, EvalRun.Settings eval) {
        String budget = base.steps() > 0 ? String.format(Locale.ROOT, "%,d updates", base.steps()) : base.epochs() + " epochs";
        String split = base.trainDigits() == 50_000 ? "the first 50,000 training digits, the best checkpoint chosen on the "
                + "other 10,000 (validation -ELBO)" : "all 60,000 training digits, the final checkpoint (no validation)";
        return String.format(Locale.ROOT, "%s of %d digits with %s, learning rate %s%s; %s binarisation of %s; annealed free "
                        + "energy beta_t = min(1, 0.01 + t/%d); -ln p(x) by importance sampling with S = %d samples per digit "
                        + "over %s test digits, binarised once (static)",
                budget, base.batch(), base.optimizer(), base.lr(),
                base.clipNorm() > 0 ? ", gradient norm clipped at " + base.clipNorm() : "", base.binarization(), split,
                base.annealSteps(), eval.samples(), eval.limit() > 0 ? "the first " + eval.limit() : "all 10,000");
    }

    /** Two lines for the figure: nf4j's budget and evaluation, and the paper's (separated by " | "). */
    static String caption(TrainConfig base, EvalRun.Settings eval, int seeds) {
        String budget = base.steps() > 0 ? String.format(Locale.ROOT, "%,d", base.steps()) + " updates" : base.epochs() + " epochs";
        return String.format(Locale.ROOT, "nf4j: %s of %d (%s, lr %s), %s, S = %d over %s test digits, %s | paper: %s",
                budget, base.batch(), base.optimizer(), base.lr(), seeds > 1 ? "means over up to " + seeds + " seeds" : "one seed",
                eval.samples(), eval.limit() > 0 ? "the first " + eval.limit() : "all 10,000",
                base.trainDigits() == 50_000 ? "trained on the first 50,000 digits" : "trained on all 60,000 digits",
                "500,000 RMSprop updates (lr 1e-5, momentum 0.9), S = 200");
    }

    public static String markdown(List<Table2Row> rows, TrainConfig base, EvalRun.Settings eval) {
        List<Table2Model> models = Table2Model.of(rows);
        StringBuilder sb = new StringBuilder();
        sb.append("# Table 2: -ln p(x) on binarised MNIST (test set), nats, lower is better\n\n");
        sb.append("nf4j: ").append(protocol(base, eval)).append(". Each figure is the mean over the model's training seeds "
                + "± the standard error across seeds; with one seed (\"1\" in the seeds column) the ± is the error across test "
                + "digits only, which leaves out the far larger run-to-run spread. seed sd: the standard deviation of -ln p(x) "
                + "across seeds. KL = -ELBO - (-ln p(x)) estimates KL(q || p(z|x)). vs K = 0: this model's -ln p(x) minus the "
                + "diagonal model's on the same digits, each seed against the diagonal run of the same seed (negative: better).\n");
        sb.append("Paper: Rezende and Mohamed (2015), Table 2: ").append(PAPER_PROTOCOL).append(".\n\n");
        sb.append("| Model | K | seeds | -ln p(x) nf4j | seed sd | -ln p(x) paper | vs K = 0 (paired) | -ELBO nf4j | KL nf4j "
                + "| updates | runs |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Table2Model m : models) {
            MeanEstimate vs = m.vsDiagonal();
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s | %s | %s | %s | %,d | %s |%n",
                    PaperTable2.modelName(m.flow(), m.k()), m.k(), m.seeds(), pm(m.negLogPx(), "%.2f"),
                    Double.isNaN(m.seedSpread()) ? "–" : String.format(Locale.ROOT, "%.2f", m.seedSpread()),
                    paper(PaperTable2.negLogPx(m.flow(), m.k())), vs == null ? "–" : pm(vs, "%+.2f"),
                    pm(m.negElbo(), "%.2f"), pm(m.kl(), "%.2f"), m.steps(),
                    String.join(", ", m.runs().stream().map(Table2Row::run).toList())));
        }
        sb.append("\nThe paper's Table 2 in full (-ln p(x), nats):\n\n");
        sb.append("| Model | K = 0 | K = 10 | K = 20 | K = 40 | K = 80 |\n|---|---|---|---|---|---|\n");
        for (String flow : List.of("planar", "nice-perm")) {
            sb.append("| ").append(PaperTable2.modelName(flow, 1)).append(" | ").append(paper(PaperTable2.negLogPx(flow, 0)));
            for (int k : PaperTable2.KS) {
                sb.append(" | ").append(paper(PaperTable2.negLogPx(flow, k)));
            }
            sb.append(" |\n");
        }
        return sb.toString();
    }

    private static String pm(MeanEstimate m, String format) {
        String mean = String.format(Locale.ROOT, format, m.mean());
        return Double.isNaN(m.standardError()) ? mean : mean + String.format(Locale.ROOT, " ± %.2f", m.standardError());
    }

    /** One line per model (means over its seeds), with the paper's numbers and the protocol in the last columns. */
    public static String csv(List<Table2Row> rows, TrainConfig base, EvalRun.Settings eval) {
        StringBuilder sb = new StringBuilder("model,flow,k,seeds,steps,neg_log_px_is,neg_log_px_is_se,neg_log_px_seed_sd,"
                + "paper_neg_log_px,vs_k0_neg_log_px,vs_k0_neg_log_px_se,neg_elbo,neg_elbo_se,kl_estimate,kl_estimate_se,"
                + "paper_fig4_neg_elbo,paper_fig4_kl,is_samples,examples,test_binarization,protocol,paper_protocol\n");
        for (Table2Model m : Table2Model.of(rows)) {
            EvalResult any = m.runs().get(0).eval();
            MeanEstimate vs = m.vsDiagonal();
            sb.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%.4f,%s,%s,%s,%s,%.4f,%s,%.4f,%s,%s,%s,%d,%d,static,%s,%s%n",
                    PaperTable2.modelName(m.flow(), m.k()), m.flow(), m.k(), m.seeds(), m.steps(), m.negLogPx().mean(),
                    csvNumber(m.negLogPx().standardError()), csvNumber(m.seedSpread()),
                    csvNumber(PaperTable2.negLogPx(m.flow(), m.k())),
                    vs == null ? "," : String.format(Locale.ROOT, "%.4f,%s", vs.mean(), csvNumber(vs.standardError())),
                    m.negElbo().mean(), csvNumber(m.negElbo().standardError()), m.kl().mean(), csvNumber(m.kl().standardError()),
                    csvNumber(PaperTable2.figure4NegElbo(m.flow(), m.k())), csvNumber(PaperTable2.figure4Kl(m.flow(), m.k())),
                    any.isSamples(), any.examples(), quoted(protocol(base, eval)), quoted(PAPER_PROTOCOL)));
        }
        return sb.toString();
    }

    /** One line per training run: its seed, its own evaluation and its paired difference to the diagonal run of its seed. */
    public static String runsCsv(List<Table2Row> rows) {
        StringBuilder sb = new StringBuilder("run,flow,k,seed,steps,neg_log_px_is,neg_log_px_is_se,vs_k0_neg_log_px,"
                + "vs_k0_neg_log_px_se,neg_elbo,neg_elbo_se,kl_estimate,kl_estimate_se,is_samples,examples,test_binarization\n");
        for (Table2Row r : rows) {
            EvalResult e = r.eval();
            String paired = r.vsDiagonal() == null ? "," : String.format(Locale.ROOT, "%.4f,%s",
                    r.vsDiagonal().negLogPx().mean(), csvNumber(r.vsDiagonal().negLogPx().standardError()));
            sb.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%.4f,%s,%s,%.4f,%s,%.4f,%s,%d,%d,static%n", r.run(), r.flow(),
                    r.k(), r.seed(), r.steps(), e.negLogPxIs(), csvNumber(e.negLogPxIsSe()), paired, e.negElbo(),
                    csvNumber(e.negElboSe()), e.klEstimate(), csvNumber(e.klEstimateSe()), e.isSamples(), e.examples()));
        }
        return sb.toString();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static String paper(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.1f", v.getAsDouble()) : "–";
    }

    private static String csvNumber(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%s", v.getAsDouble()) : "";
    }

    private static String csvNumber(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "";
    }
}
