package org.nf4j.flows;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The result of a forward pass: the transformed variable {@code [batch, dim]} and
 * {@code log|det J|} per example {@code [batch]}.
 */
public record FlowOutput(SDVariable z, SDVariable logDet) {
}
