package org.nf4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NativeGarbageTest {
    @Test
    void collectsOncePerIntervalNotOncePerCall() {
        AtomicLong clock = new AtomicLong(1_000);
        AtomicInteger collections = new AtomicInteger();
        NativeGarbage g = new NativeGarbage(100, clock::get, collections::incrementAndGet);
        assertFalse(g.due(), "no collection right at start");
        clock.set(1_099);
        assertFalse(g.due());
        clock.set(1_100);
        assertTrue(g.due());
        assertFalse(g.due(), "the interval restarts at the collection");
        clock.set(1_199);
        assertFalse(g.due());
        clock.set(1_250);
        assertTrue(g.due());
        assertEquals(2, collections.get());
    }

    @Test
    void concurrentCallersShareOneCollection() throws InterruptedException {
        AtomicLong clock = new AtomicLong(0);
        AtomicInteger collections = new AtomicInteger();
        NativeGarbage g = new NativeGarbage(10, clock::get, collections::incrementAndGet);
        clock.set(10);
        Thread[] threads = new Thread[8];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                for (int j = 0; j < 1_000; j++) {
                    g.due();
                }
            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, collections.get(), "the clock did not move, so only one caller collects");
    }
}
