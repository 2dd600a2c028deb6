/**
 * Two-dimensional target densities p(z) &prop; exp(-U(z)) of Rezende &amp; Mohamed (2015),
 * section 6.1 (energies U1..U4), each available both as plain Java (for pictures and quadrature)
 * and as a SameDiff expression (for training flows against them).
 *
 * <p>Shared pieces: {@link org.nf4j.targets.Wiggles} (w1, w2, w3),
 * {@link org.nf4j.targets.LogAddExp} (stable two-term log-sum-exp),
 * {@link org.nf4j.targets.Wall} (the smooth wall that makes U2..U4 proper),
 * {@link org.nf4j.targets.LogPartition} (ln Z by quadrature) and the registry
 * {@link org.nf4j.targets.Targets}.
 *
 * <p>Only SameDiff ops whose gradients were verified on DL4J 1.0.0-M2.1 are used (abs, softplus,
 * exp, sigmoid, sqrt, square, sin, relu, arithmetic, {@code get(SDIndex...)}); in particular the
 * built-in {@code math.logSumExp} is avoided because its backprop throws.
 */
package org.nf4j.targets;
