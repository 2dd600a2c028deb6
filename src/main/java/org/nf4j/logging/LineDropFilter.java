package org.nf4j.logging;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A console stream that passes everything on except the lines that start with a given prefix.
 * SameDiff 1.0.0-M2.1 prints "Added differentiated op ..." with {@code System.out.println} for every
 * op of every gradient graph it builds (hundreds of lines per model, no switch to turn it off); the
 * command line installs this filter on {@code System.out} to drop them.
 */
public final class LineDropFilter extends OutputStream {
    /** The start of SameDiff's unconditional gradient-building chatter. */
    public static final String SAMEDIFF_GRADIENT_CHATTER = "Added differentiated op ";

    private final PrintStream target;
    private final byte[] prefix;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean passing;
    private boolean dropping;

    private LineDropFilter(PrintStream target, String prefix) {
        this.target = target;
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
    }

    /** A print stream (UTF-8, flushed at each line) that drops {@code target}'s lines starting with {@code prefix}. */
    public static PrintStream of(PrintStream target, String prefix) {
        return new PrintStream(new LineDropFilter(target, prefix), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (passing || dropping) {
            if (passing) {
                target.write(b);
            }
            if (b == '\n') {
                passing = false;
                dropping = false;
            }
            return;
        }
        pending.write(b);
        byte[] seen = pending.toByteArray();
        if (seen.length == prefix.length && Arrays.equals(seen, prefix)) {
            dropping = true;
            pending.reset();
        } else if (b == '\n' || !startOfPrefix(seen)) {
            target.write(seen, 0, seen.length);
            pending.reset();
            passing = b != '\n';
        }
    }

    private boolean startOfPrefix(byte[] seen) {
        return seen.length <= prefix.length && Arrays.equals(seen, 0, seen.length, prefix, 0, seen.length);
    }

    /** Flushes the target; a line still undecided (it matches the start of the prefix) waits for more. */
    @Override
    public synchronized void flush() {
        target.flush();
    }

    @Override
    public synchronized void close() {
        byte[] seen = pending.toByteArray();
        target.write(seen, 0, seen.length);
        pending.reset();
        target.flush();
    }
}
