package org.nf4j.exec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which engine runs a graph in a loop: nf4j's {@link GraphRunner compiled plans} or SameDiff's own session. */
public enum Executor {
    /** Recorded once per input shape, then a flat loop of native op calls (the default). */
    COMPILED,
    /** {@code SameDiff.calculateGradientsAndOutputs} / {@code SameDiff.output} on every call. */
    SAMEDIFF;

    /** The text form used by {@code --executor}, the {@code executor} config key and JSON files. */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code compiled} or {@code samediff} (any case); anything else is a one-line error. */
    @JsonCreator
    public static Executor parse(String text) {
        for (Executor e : values()) {
            if (e.key().equalsIgnoreCase(text.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("executor must be compiled or samediff, got '" + text + "'");
    }
}
