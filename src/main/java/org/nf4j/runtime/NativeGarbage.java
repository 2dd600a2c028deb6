package org.nf4j.runtime;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Collects the JVM's garbage every few seconds so that ND4J's native buffers are freed.
 *
 * <p>ND4J frees an array's native memory only when the JVM collects the small Java object that owns
 * it. SameDiff creates megabytes of such arrays per training step and almost no heap, so collections
 * are rare and the native garbage piles up in the C heap: measured here, two grouped NICE K = 32 fits
 * in one JVM grew by ~175 MB/s to 20+ GB and were killed by the kernel, and a smaller Java heap made
 * it worse (objects reach the old generation, which is collected even more rarely). A full collection
 * every 2 s kept the same process flat at ~3 GB at unchanged speed. Loops that run SameDiff many
 * times call {@link #collectIfDue()} once per iteration; one process-wide clock makes concurrent
 * loops share the collections.
 */
public final class NativeGarbage {
    /** At most one collection per this many nanoseconds, process-wide. */
    private static final long DEFAULT_INTERVAL_NANOS = 2_000_000_000L;
    private static final NativeGarbage SHARED = new NativeGarbage(DEFAULT_INTERVAL_NANOS, System::nanoTime, System::gc);

    private final long intervalNanos;
    private final LongSupplier clock;
    private final Runnable collector;
    private final AtomicLong last;

    NativeGarbage(long intervalNanos, LongSupplier clock, Runnable collector) {
        this.intervalNanos = intervalNanos;
        this.clock = clock;
        this.collector = collector;
        this.last = new AtomicLong(clock.getAsLong());
    }

    /** Runs a full collection when the last one (by any thread) is at least 2 s ago; true if it ran. */
    public static boolean collectIfDue() {
        return SHARED.due();
    }

    boolean due() {
        long now = clock.getAsLong();
        long previous = last.get();
        if (now - previous < intervalNanos || !last.compareAndSet(previous, now)) {
            return false;
        }
        collector.run();
        return true;
    }
}
