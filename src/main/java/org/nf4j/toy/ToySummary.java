package org.nf4j.toy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import org.nf4j.config.Mappers;

/**
 * The results of one 2-D run, as written to {@code summary.json} (names in snake_case, see {@link
 * Mappers#JSON}).
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
@JsonPropertyOrder({"target", "flow", "k", "steps", "bound", "bound_se", "eval_samples", "log_z", "exact_kl", "exact_kl_se",
        "train_seconds", "density", "resumed_from_step", "targets_trained_together"})
public record ToySummary(String target, String flow, int k, int steps, double bound, double boundSe, long evalSamples,
                         double logZ, double exactKl, double trainSeconds, String density,
                         @JsonProperty("resumed_from_step") int resumedFrom,
                         @JsonProperty("targets_trained_together") int trainedWith) implements Serializable {

    /** The standard error of the exact KL: the bound's, ln Z being exact (written for the reader, not read). */
    @JsonProperty(value = "exact_kl_se", access = JsonProperty.Access.READ_ONLY)
    public double exactKlSe() {
        return boundSe;
    }

    public String toJson() {
        return Mappers.toJson(this);
    }

    /**
     * Reads back what {@link #toJson} writes, and the summaries written before a run could resume
     * (no {@code resumed_from_step}: 0) or the grid trained targets together (no {@code
     * targets_trained_together}: 1).
     */
    public static ToySummary parse(String json) {
        ObjectNode tree = Mappers.jsonObject(json);
        tree.putIfAbsent("resumed_from_step", IntNode.valueOf(0));
        tree.putIfAbsent("targets_trained_together", IntNode.valueOf(1));
        return Mappers.fromJson(tree, ToySummary.class);
    }
}
