package org.nf4j.logging;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A console stream that puts a prefix before every line it passes on, whole lines at a time, so
 * that several jobs printing to one console stay readable.
 */
public final class PrefixedLines extends OutputStream {
    private final PrintStream target;
    private final String prefix;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private PrefixedLines(PrintStream target, String prefix) {
        this.target = target;
        this.prefix = prefix;
    }

    /** A UTF-8 print stream whose lines reach {@code target} as {@code prefix + line}. */
    public static PrintStream of(PrintStream target, String prefix) {
        return new PrintStream(new PrefixedLines(target, prefix), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else if (b != '\r') {
            line.write(b);
        }
    }

    @Override
    public synchronized void close() {
        if (line.size() > 0) {
            emit();
        }
    }

    private void emit() {
        target.println(prefix + line.toString(StandardCharsets.UTF_8));
        line.reset();
    }
}
