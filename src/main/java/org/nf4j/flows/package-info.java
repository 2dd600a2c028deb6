/**
 * Normalizing flows as SameDiff subgraphs.
 *
 * <p>Every flow maps {@code z_{k-1} -> z_k} in the variational direction and reports
 * {@code log|det dz_k/dz_{k-1}|} per example. Gradients come from SameDiff's autodiff; the
 * invertibility constraints (planar {@code u_hat}, radial {@code beta_hat}) live inside the flows.
 * A flow knows nothing of data, losses, files or training.
 *
 * <p>Parameters are either <em>global</em> (SameDiff variables of shape {@code [1, n]}) or
 * <em>amortised</em> (an {@code SDVariable} of shape {@code [batch, n]}, e.g. an encoder output).
 * Both take the same code path: global parameters broadcast over the batch.
 */
package org.nf4j.flows;
