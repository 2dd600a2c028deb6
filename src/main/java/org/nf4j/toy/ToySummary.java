package org.nf4j.toy;

import java.util.Locale;

/**
 * The results of one 2-D run, as written to {@code summary.json}.
 *
 * @param bound        E_q[ln q_K + U] at beta = 1 (nats)
 * @param boundSe      its standard error
 * @param logZ         ln Z of the target by quadrature
 * @param exactKl      KL(q_K || p) = bound + ln Z
 * @param trainSeconds wall time of the training this process did (from {@code resumedFrom} to {@code steps})
 * @param density      how the picture of q_K was made: "exact" (through the inverse) or "histogram"
 * @param resumedFrom  the update training continued from (a checkpoint's step), 0 for an uninterrupted run
 * @param trainedWith  how many targets were trained together in one graph (the grid trains the four
 *                     targets of a flow and K together; {@code trainSeconds} is then their shared time)
 */
public record ToySummary(String target, String flow, int k, int steps, double bound, double boundSe, long evalSamples,
                         double logZ, double exactKl, double trainSeconds, String density, int resumedFrom,
                         int trainedWith) {

    public String toJson() {
        return String.format(Locale.ROOT, "{\n  \"target\": \"%s\",\n  \"flow\": \"%s\",\n  \"k\": %d,\n  \"steps\": %d,\n"
                        + "  \"bound\": %.6f,\n  \"bound_se\": %.6f,\n  \"eval_samples\": %d,\n  \"log_z\": %.6f,\n"
                        + "  \"exact_kl\": %.6f,\n  \"exact_kl_se\": %.6f,\n  \"train_seconds\": %.1f,\n"
                        + "  \"density\": \"%s\",\n  \"resumed_from_step\": %d,\n  \"targets_trained_together\": %d\n}\n",
                target, flow, k, steps, bound, boundSe, evalSamples, logZ, exactKl, boundSe, trainSeconds, density,
                resumedFrom, trainedWith);
    }

    /** Reads back the numbers this class writes (a flat JSON object). */
    public static ToySummary parse(String json) {
        return new ToySummary(text(json, "target"), text(json, "flow"), (int) number(json, "k"), (int) number(json, "steps"),
                number(json, "bound"), number(json, "bound_se"), (long) number(json, "eval_samples"),
                number(json, "log_z"), number(json, "exact_kl"), number(json, "train_seconds"), text(json, "density"),
                json.contains("\"resumed_from_step\":") ? (int) number(json, "resumed_from_step") : 0,
                json.contains("\"targets_trained_together\":") ? (int) number(json, "targets_trained_together") : 1);
    }

    private static String raw(String json, String key) {
        String k = "\"" + key + "\":";
        int i = json.indexOf(k);
        if (i < 0) {
            throw new IllegalArgumentException("summary has no \"" + key + "\"");
        }
        int start = i + k.length();
        int end = start;
        while (end < json.length() && json.charAt(end) != ',' && json.charAt(end) != '\n' && json.charAt(end) != '}') {
            end++;
        }
        return json.substring(start, end).trim();
    }

    private static String text(String json, String key) {
        return raw(json, key).replace("\"", "");
    }

    private static double number(String json, String key) {
        return Double.parseDouble(raw(json, key));
    }
}
