package org.nf4j.exec;

/** A graph, or one of its ops, that a {@link CompiledPlan} cannot run; the message says which and why. */
public final class UnsupportedGraphException extends RuntimeException {
    public UnsupportedGraphException(String message) {
        super(message);
    }
}
