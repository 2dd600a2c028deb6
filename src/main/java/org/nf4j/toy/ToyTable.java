package org.nf4j.toy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The grid's results as CSV (one row per run) and as a Markdown table (K in columns). */
public final class ToyTable {
    private ToyTable() {
    }

    public static String csv(List<ToySummary> summaries) {
        StringBuilder sb = new StringBuilder("target,flow,k,steps,bound,bound_se,log_z,exact_kl,train_seconds\n");
        for (ToySummary s : summaries) {
            sb.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%.6f,%.6f,%.6f,%.6f,%.1f%n", s.target(), s.flow(), s.k(),
                    s.steps(), s.bound(), s.boundSe(), s.logZ(), s.exactKl(), s.trainSeconds()));
        }
        return sb.toString();
    }

    public static String markdown(List<ToySummary> summaries, List<Integer> ks) {
        StringBuilder sb = new StringBuilder();
        sb.append("Variational bound E_q[ln q_K(z) + U(z)] in nats at beta = 1 (± standard error), and in brackets the exact\n")
                .append("KL(q_K || p) = bound + ln Z, with ln Z by quadrature (U2..U4 with the |z1| <= 4 wall).\n\n");
        sb.append("| target | flow |");
        for (int k : ks) {
            sb.append(" K = ").append(k).append(" |");
        }
        sb.append("\n|---|---|");
        sb.append("---|".repeat(ks.size())).append('\n');
        Set<String> rows = new LinkedHashSet<>();
        for (ToySummary s : summaries) {
            rows.add(s.target() + "\u0000" + s.flow());
        }
        for (String row : rows) {
            String[] tf = row.split("\u0000");
            sb.append("| ").append(tf[0]).append(" | ").append(tf[1]).append(" |");
            for (int k : ks) {
                ToySummary s = ToyGrid.find(summaries, tf[0], tf[1], k);
                sb.append(String.format(Locale.ROOT, " %.3f ± %.3f (KL %.3f) |", s.bound(), s.boundSe(), s.exactKl()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
