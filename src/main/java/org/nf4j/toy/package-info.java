/**
 * The 2-D energy experiments of Rezende and Mohamed (2015), section 6.1: fit q_K = flow(q0) to
 * p(z) proportional to exp(-U(z)) by minimising the annealed variational bound, measure the bound
 * (and the exact KL where ln Z is known) and draw the densities.
 */
package org.nf4j.toy;
