package org.nf4j.sweep;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.nf4j.config.TrainConfig;
import org.nf4j.eval.EvalResult;
import org.nf4j.eval.EvalRun;

/** The sweep's results laid out like the paper's Table 2, with the paper's numbers beside ours (Markdown and CSV). */
public final class Table2Table {
    private Table2Table() {
    }

    public static String markdown(List<Table2Row> rows, TrainConfig base, EvalRun.Settings eval) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Table 2: -ln p(x) on binarised MNIST (test set), nats, lower is better\n\n");
        String budget = base.steps() > 0 ? String.format(Locale.ROOT, "%,d updates", base.steps())
                : base.epochs() + " epochs";
        sb.append(String.format(Locale.ROOT, "nf4j: every model trained for %s of %d with %s, learning rate %s, "
                        + "annealed free energy; best checkpoint on validation -ELBO; -ln p(x) by importance sampling with S = %d "
                        + "samples per digit over %s test digits (static binarisation), ± standard error across digits; "
                        + "KL = -ELBO - (-ln p(x)) estimates KL(q || p(z|x)); vs K = 0: this model's -ln p(x) minus the "
                        + "diagonal model's, per digit, ± paired standard error (negative: better).\n",
                budget, base.batch(), base.optimizer(), base.lr(), eval.samples(),
                eval.limit() > 0 ? "the first " + eval.limit() : "all"));
        sb.append("Paper: Rezende and Mohamed (2015), Table 2 (500,000 RMSprop updates, lr 1e-5, S = 200).\n\n");
        sb.append("| Model | K | -ln p(x) nf4j | -ln p(x) paper | vs K = 0 (paired) | -ELBO nf4j | KL nf4j | updates | run |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Table2Row r : rows) {
            EvalResult e = r.eval();
            String paired = r.vsDiagonal() == null ? "–" : String.format(Locale.ROOT, "%+.2f ± %.2f",
                    r.vsDiagonal().negLogPx().mean(), r.vsDiagonal().negLogPx().standardError());
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.2f ± %.2f | %s | %s | %.2f ± %.2f | %.2f ± %.2f | %,d | %s |%n",
                    PaperTable2.modelName(r.flow(), r.k()), r.k(), e.negLogPxIs(), e.negLogPxIsSe(),
                    paper(PaperTable2.negLogPx(r.flow(), r.k())), paired, e.negElbo(), e.negElboSe(), e.klEstimate(), e.klEstimateSe(),
                    r.steps(), r.run()));
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

    public static String csv(List<Table2Row> rows) {
        StringBuilder sb = new StringBuilder("model,flow,k,steps,neg_log_px_is,neg_log_px_is_se,paper_neg_log_px,"
                + "vs_k0_neg_log_px,vs_k0_neg_log_px_se,neg_elbo,"
                + "neg_elbo_se,kl_estimate,kl_estimate_se,paper_fig4_neg_elbo,paper_fig4_kl,is_samples,examples,run\n");
        for (Table2Row r : rows) {
            EvalResult e = r.eval();
            String paired = r.vsDiagonal() == null ? "," : String.format(Locale.ROOT, "%.4f,%.4f",
                    r.vsDiagonal().negLogPx().mean(), r.vsDiagonal().negLogPx().standardError());
            sb.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%.4f,%.4f,%s,%s,%.4f,%.4f,%.4f,%.4f,%s,%s,%d,%d,%s%n",
                    PaperTable2.modelName(r.flow(), r.k()), r.flow(), r.k(), r.steps(), e.negLogPxIs(), e.negLogPxIsSe(),
                    csvNumber(PaperTable2.negLogPx(r.flow(), r.k())), paired, e.negElbo(), e.negElboSe(), e.klEstimate(), e.klEstimateSe(),
                    csvNumber(PaperTable2.figure4NegElbo(r.flow(), r.k())), csvNumber(PaperTable2.figure4Kl(r.flow(), r.k())),
                    e.isSamples(), e.examples(), r.run()));
        }
        return sb.toString();
    }

    private static String paper(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.1f", v.getAsDouble()) : "–";
    }

    private static String csvNumber(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%s", v.getAsDouble()) : "";
    }
}
