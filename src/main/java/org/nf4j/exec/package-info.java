/**
 * Compiled execution of SameDiff graphs in hot loops: {@link org.nf4j.exec.GraphRunner} records a
 * graph (or its gradient function) once per set of placeholder shapes and then runs it as a flat loop
 * of native op calls on preallocated arrays, without SameDiff's per-op bookkeeping. Gradients still
 * come from SameDiff's autodiff: the plan replays the gradient function SameDiff built. Graphs it
 * cannot run (control flow, in-graph random ops, ...) are refused with a message and run on SameDiff.
 * Knows nothing of models, data or training.
 */
package org.nf4j.exec;
