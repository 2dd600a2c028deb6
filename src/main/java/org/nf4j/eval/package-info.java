/**
 * Evaluation of a trained DLGM + flow: the -ELBO at beta = 1, the importance-sampled estimate of
 * -ln p(x) with the flow posterior q_K as proposal, and their difference, an estimate of the mean
 * KL(q_K || p(z|x)). Never mutates parameters.
 */
package org.nf4j.eval;
