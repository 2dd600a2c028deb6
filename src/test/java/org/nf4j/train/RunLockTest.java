package org.nf4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two attempts never hold one run folder: within a process, across processes, over overlapping folder sets. */
class RunLockTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @Test
    void aSecondAttemptInTheSameProcessWaitsThenGivesUpNamingTheFolder(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        try (RunLock first = RunLock.acquire(List.of(run), Duration.ZERO, QUIET)) {
            IOException e = assertThrows(IOException.class,
                    () -> RunLock.acquire(List.of(run), Duration.ofMillis(300), new PrintStream(said, true, StandardCharsets.UTF_8)));
            assertTrue(e.getMessage().startsWith(run + " is locked by another attempt"), e.getMessage());
            assertTrue(said.toString(StandardCharsets.UTF_8).startsWith("waiting for " + run), said.toString());
        }
        try (RunLock again = RunLock.acquire(List.of(run), Duration.ZERO, QUIET)) {
            assertTrue(Files.exists(run.resolve(RunLock.FILE)));
        }
    }

    @Test
    void aWaitingAttemptGetsTheFolderWhenTheOtherReleasesIt(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        RunLock first = RunLock.acquire(List.of(run), Duration.ZERO, QUIET);
        CompletableFuture<RunLock> second = CompletableFuture.supplyAsync(() -> {
            try {
                return RunLock.acquire(List.of(run), Duration.ofSeconds(30), QUIET);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertTrue(!second.isDone(), "the second attempt waits");
        first.close();
        second.get(30, TimeUnit.SECONDS).close();
    }

    @Test
    void overlappingFolderSetsAreAllOrNothing(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        try (RunLock onB = RunLock.acquire(List.of(b), Duration.ZERO, QUIET)) {
            assertThrows(IOException.class, () -> RunLock.acquire(List.of(a, b), Duration.ZERO, QUIET));
            try (RunLock onA = RunLock.acquire(List.of(a), Duration.ZERO, QUIET)) {
                assertTrue(onA != null, "a was released when b could not be had");
            }
        }
    }

    @Test
    void anotherProcessHoldingTheFolderKeepsThisOneOut(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldRunLock.class.getName(), run.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start(); // stderr apart: a JVM may print "Picked up ..." there first
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", lines.readLine());
            assertThrows(IOException.class, () -> RunLock.acquire(List.of(run), Duration.ofMillis(300), QUIET));
            holder.getOutputStream().close();
            assertEquals(0, holder.waitFor());
            RunLock.acquire(List.of(run), Duration.ZERO, QUIET).close();
        } finally {
            holder.destroyForcibly();
        }
    }
}
