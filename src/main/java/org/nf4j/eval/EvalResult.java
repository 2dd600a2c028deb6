package org.nf4j.eval;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code eval} reports, as written to {@code models/<run>/eval.json} (nats, means over the
 * examples, each with its standard error across examples).
 *
 * @param run             the run folder's name
 * @param checkpoint      the checkpoint file evaluated
 * @param checkpointStep  its training step
 * @param split           "test" or "validation"
 * @param examples        examples evaluated (the first ones of the split)
 * @param isSamples       importance samples S per example
 * @param seed            seed of the noise
 * @param negElbo         mean -ELBO at beta = 1 (each example's from its S samples)
 * @param negLogPxIs      mean -ln p(x) by importance sampling: -ln (1/S) sum_s w_s
 * @param klEstimate      mean of -ELBO - (-ln p(x)): an estimate of KL(q_K || p(z|x)), biased upward
 *                        by the importance-sampling bias of -ln p(x) (which shrinks as S grows)
 * @param seconds         wall time of the evaluation
 */
public record EvalResult(String run, String checkpoint, long checkpointStep, String split, long examples, int isSamples,
                         long seed, double negElbo, double negElboSe, double negLogPxIs, double negLogPxIsSe,
                         double klEstimate, double klEstimateSe, double seconds) {

    /** A flat JSON object; a NaN standard error (one example) is written as null. */
    public String toJson() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("run", quote(run));
        f.put("checkpoint", quote(checkpoint));
        f.put("checkpoint_step", Long.toString(checkpointStep));
        f.put("split", quote(split));
        f.put("examples", Long.toString(examples));
        f.put("is_samples", Integer.toString(isSamples));
        f.put("seed", Long.toString(seed));
        f.put("binarization", quote("static"));
        f.put("neg_elbo", number(negElbo));
        f.put("neg_elbo_se", number(negElboSe));
        f.put("neg_log_px_is", number(negLogPxIs));
        f.put("neg_log_px_is_se", number(negLogPxIsSe));
        f.put("kl_estimate", number(klEstimate));
        f.put("kl_estimate_se", number(klEstimateSe));
        f.put("seconds", String.format(Locale.ROOT, "%.1f", seconds));
        StringBuilder sb = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, String> e : f.entrySet()) {
            sb.append("  \"").append(e.getKey()).append("\": ").append(e.getValue()).append(++i < f.size() ? ",\n" : "\n");
        }
        return sb.append("}\n").toString();
    }

    /** Reads back what {@link #toJson} writes. */
    public static EvalResult parse(String json) {
        return new EvalResult(text(json, "run"), text(json, "checkpoint"), (long) number(json, "checkpoint_step"),
                text(json, "split"), (long) number(json, "examples"), (int) number(json, "is_samples"),
                (long) number(json, "seed"), number(json, "neg_elbo"), number(json, "neg_elbo_se"),
                number(json, "neg_log_px_is"), number(json, "neg_log_px_is_se"), number(json, "kl_estimate"),
                number(json, "kl_estimate_se"), number(json, "seconds"));
    }

    /** One console line. */
    public String summaryLine() {
        return String.format(Locale.ROOT, "%s %s (%d examples, S = %d, step %d): -ln p(x) %.2f ± %.2f | -elbo %.2f ± %.2f "
                        + "| kl %.2f ± %.2f nats",
                run, split, examples, isSamples, checkpointStep, negLogPxIs, negLogPxIsSe, negElbo, negElboSe,
                klEstimate, klEstimateSe);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6f", v) : "null";
    }

    private static String raw(String json, String key) {
        String k = "\"" + key + "\":";
        int i = json.indexOf(k);
        if (i < 0) {
            throw new IllegalArgumentException("eval.json has no \"" + key + "\"");
        }
        int start = i + k.length();
        while (start < json.length() && json.charAt(start) == ' ') {
            start++;
        }
        int end = start;
        if (json.charAt(start) == '"') {
            end = start + 1;
            while (end < json.length() && json.charAt(end) != '"') {
                end += json.charAt(end) == '\\' ? 2 : 1;
            }
            return json.substring(start, end + 1);
        }
        while (end < json.length() && json.charAt(end) != ',' && json.charAt(end) != '\n' && json.charAt(end) != '}') {
            end++;
        }
        return json.substring(start, end).trim();
    }

    private static String text(String json, String key) {
        String r = raw(json, key);
        return r.substring(1, r.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static double number(String json, String key) {
        String r = raw(json, key);
        return r.equals("null") ? Double.NaN : Double.parseDouble(r);
    }
}
