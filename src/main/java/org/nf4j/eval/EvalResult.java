package org.nf4j.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.Serializable;
import java.util.Locale;
import org.nf4j.config.Mappers;

/**
 * What {@code eval} reports, as written to {@code models/<run>/eval.json} (nats, means over the
 * examples, each with its standard error across examples; names in snake_case, see {@link Mappers#JSON}).
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
@JsonPropertyOrder({"run", "checkpoint", "checkpoint_step", "split", "examples", "is_samples", "seed", "binarization"})
public record EvalResult(String run, String checkpoint, long checkpointStep, String split, long examples, int isSamples,
                         long seed, double negElbo, double negElboSe, double negLogPxIs, double negLogPxIsSe,
                         double klEstimate, double klEstimateSe, double seconds) implements Serializable {

    /** How the evaluated digits were binarised: always once, with a fixed seed (written for the reader, not read). */
    @JsonProperty(value = "binarization", access = JsonProperty.Access.READ_ONLY)
    public String binarization() {
        return "static";
    }

    /** A flat JSON object; a NaN standard error (one example) is written as null. */
    public String toJson() {
        return Mappers.toJson(this);
    }

    /** Reads back what {@link #toJson} writes (null as NaN). */
    public static EvalResult parse(String json) {
        return Mappers.fromJson(json, EvalResult.class);
    }

    /** One console line. */
    public String summaryLine() {
        return String.format(Locale.ROOT, "%s %s (%d examples, S = %d, step %d): -ln p(x) %.2f ± %.2f | -elbo %.2f ± %.2f "
                        + "| kl %.2f ± %.2f nats",
                run, split, examples, isSamples, checkpointStep, negLogPxIs, negLogPxIsSe, negElbo, negElboSe,
                klEstimate, klEstimateSe);
    }
}
