/**
 * Runtime set-up that must happen before ND4J initialises: choosing the backend (CPU or CUDA) and
 * tuning its native threads.
 *
 * <p>Entry point: {@link org.nf4j.runtime.Backends#configure(BackendChoice, int)}, called first
 * thing in {@code main}. Failures are one-line {@link org.nf4j.runtime.BackendUnavailableException}s;
 * {@link org.nf4j.runtime.StartupErrors} maps them to an exit code.
 */
package org.nf4j.runtime;
