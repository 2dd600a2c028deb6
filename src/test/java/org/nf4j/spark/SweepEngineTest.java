package org.nf4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Cells become tasks, longest first; results reach the driver; failures end in one line. */
class SweepEngineTest {

    /** A cell whose task squares a number. */
    record Square(String name, double cost, int value) implements SweepCell {
    }

    private static final CellTask<Square, Integer> SQUARE = (cell, context) -> {
        context.out().println("squaring " + cell.value() + " on executor " + context.executor());
        return cell.value() * cell.value();
    };

    /** Reached by tasks (local mode runs them in this process); a latch cannot travel in a task. */
    private static final AtomicReference<CountDownLatch> OTHERS_AT_DRIVER = new AtomicReference<>();

    private static final List<Square> CELLS = List.of(new Square("small", 1, 2), new Square("large", 30, 3),
            new Square("medium", 5, 4));

    @Test
    void everyCellIsATaskLongestFirstAndItsResultReachesTheDriver() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Map<String, Integer> results = new HashMap<>();
        try (SweepEngine engine = LocalSpark.engine(1)) {
            assertEquals(1, engine.slots());
            engine.run(CELLS, SQUARE, new PrintStream(console, true, StandardCharsets.UTF_8), (cell, outcome) -> {
                assertNull(results.put(cell.name(), outcome.value()), "each result once");
                assertEquals(0, outcome.attempt());
                assertEquals("driver", outcome.executor());
            });
        }
        assertEquals(Map.of("large", 9, "medium", 16, "small", 4), results);
        String log = console.toString(StandardCharsets.UTF_8);
        // Started in this order: with one slot a task starts only when the one before it has ended. The
        // order results reach the driver is not fixed: Spark frees the slot before it has fetched a result.
        assertEquals(List.of("large", "medium", "small"), startOrder(log), "one slot: the tasks run longest first");
        assertTrue(log.contains("[large] squaring 3 on executor driver"), log);
        assertTrue(log.contains("3 cells as 3 tasks on local[1,4], longest first"), log);
    }

    @Test
    void aCellFailingOnEveryAttemptEndsTheSweepInOneLineAfterTheOthersFinished() {
        // small fails only once the driver holds the other two results: Spark hands a result over after
        // it has freed the slot, so without the wait small's four attempts could end the job first
        OTHERS_AT_DRIVER.set(new CountDownLatch(2));
        CellTask<Square, Integer> failsOnSmall = (cell, context) -> {
            if (cell.name().equals("small")) {
                if (!OTHERS_AT_DRIVER.get().await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the other cells' results never reached the driver");
                }
                throw new java.io.IOException("disk full");
            }
            return SQUARE.run(cell, context);
        };
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        List<String> finished = new ArrayList<>();
        SweepFailedException e = assertThrows(SweepFailedException.class, () -> {
            try (SweepEngine engine = LocalSpark.engine(1)) {
                engine.run(CELLS, failsOnSmall, new PrintStream(console, true, StandardCharsets.UTF_8),
                        (cell, outcome) -> {
                            finished.add(cell.name());
                            OTHERS_AT_DRIVER.get().countDown();
                        });
            }
        });
        assertEquals("cell small: disk full (failed on all 4 attempts; the 2 cells finished before are kept)", e.getMessage());
        assertEquals(List.of("large", "medium"), finished.stream().sorted().toList(), "the others finished and reached the driver");
        String log = console.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("[small] attempt 4 on executor driver"), log);
        assertFalse(log.contains("attempt 5"), log);
    }

    /** The cells in the order their tasks printed their first line. */
    private static List<String> startOrder(String log) {
        List<String> order = new ArrayList<>();
        for (String line : log.split("\\R")) {
            int end = line.indexOf("] squaring");
            if (line.startsWith("[") && end > 0) {
                order.add(line.substring(1, end));
            }
        }
        return order;
    }

    @Test
    void noCellsNoSpark() throws Exception {
        try (SweepEngine engine = new SweepEngine(new SparkSettings("spark://127.0.0.1:1", Map.of(), 1, LocalSpark.CPU))) {
            engine.run(List.<Square>of(), SQUARE, System.out, (cell, outcome) -> {
                throw new AssertionError("no cell");
            });
        }
    }

    @Test
    void anUnreachableMasterIsOneLine() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        SweepFailedException e = assertThrows(SweepFailedException.class, () -> {
            try (SweepEngine engine = new SweepEngine(new SparkSettings("spark://127.0.0.1:1", Map.of(), 1, LocalSpark.CPU))) {
                engine.run(CELLS, SQUARE, new PrintStream(console), (cell, outcome) -> {
                });
            }
        });
        // the reason after it is the operating system's words ("Connection refused" in English)
        assertTrue(e.getMessage().startsWith("cannot reach the Spark master spark://127.0.0.1:1 (127.0.0.1:1: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aMasterSparkDoesNotKnowIsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SparkSettings("mesos-nonsense", Map.of(), 1, LocalSpark.CPU));
        assertEquals("--master must be local[N], spark://HOST:PORT, yarn or k8s://HOST:PORT, got 'mesos-nonsense'", e.getMessage());
    }
}
