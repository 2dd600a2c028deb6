package org.nf4j.logging;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * A console stream that passes everything on except the lines that start with a given prefix
 * (the command line uses it to drop SameDiff's gradient-building chatter from {@code System.out}).
 * A line is held back only while it could still turn out to start with the prefix; a flush lets a
 * held partial line through.
 */
public final class LineDropFilter extends OutputStream {
    /**
     * SameDiff 1.0.0-M2.1 prints lines starting with this with {@code System.out.println} for every op
     * of every gradient graph it builds (hundreds of lines per model, with no switch to turn it off).
     */
    public static final String SAMEDIFF_GRADIENT_CHATTER = "Added differentiated op ";

    private final PrintStream target;
    private final byte[] prefix;
    /** Bytes of the current line matched against the prefix so far (held back, not yet written). */
    private int matched;
    private boolean passing;
    private boolean dropping;

    private LineDropFilter(PrintStream target, String prefix, Charset charset) {
        this.target = target;
        this.prefix = prefix.getBytes(charset);
    }

    /**
     * A print stream (flushed at each line) that drops the lines starting with {@code prefix} and
     * passes the rest to {@code target} as bytes in {@code charset}, which should be the charset
     * {@code target} itself encodes with.
     */
    public static PrintStream of(PrintStream target, String prefix, Charset charset) {
        return new PrintStream(new LineDropFilter(target, prefix, charset), true, charset);
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
        if (b == (prefix[matched] & 0xff)) {
            matched++;
            if (matched == prefix.length) {
                matched = 0;
                dropping = true;
            }
            return;
        }
        release();
        target.write(b);
        passing = b != '\n';
    }

    /** Writes the held-back start of the line; the rest of the line is not filtered. */
    private void release() {
        target.write(prefix, 0, matched);
        matched = 0;
        passing = true;
    }

    /** Lets a held partial line through (the rest of that line follows unfiltered) and flushes the target. */
    @Override
    public synchronized void flush() {
        if (matched > 0) {
            release();
        }
        target.flush();
    }

    /** Flushes; the target stays open. */
    @Override
    public void close() {
        flush();
    }
}
