package org.nf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nf4j.spark.StandaloneCluster;

/**
 * {@code toy-grid} submitted to a Spark standalone cluster (a master and one worker on 127.0.0.1,
 * started from the Maven jars) gives the same table as in-process; when the worker dies mid-sweep
 * the command ends in one line with exit code 1, the finished cell is kept, and the same command
 * run again finishes the sweep.
 */
class ToyGridOnClusterTest {

    /** toy-grid's arguments for a tiny grid into {@code out}, then {@code more}. */
    private static String[] grid(Path out, String targets, int steps, List<String> more) {
        List<String> args = new ArrayList<>(List.of("toy-grid", "--targets", targets, "--flows", "radial", "--steps",
                String.valueOf(steps), "--eval-samples", "10000", "--out", out.toString(), "--log-dir", out + "-logs"));
        args.addAll(more);
        return args.toArray(String[]::new);
    }

    private static List<String> onCluster(StandaloneCluster cluster, String... more) {
        List<String> args = new ArrayList<>(List.of("--master", cluster.url()));
        args.addAll(StandaloneCluster.driverConf());
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void theClusterGivesTheLocalTableAndAWorkerThatDiesLosesNoFinishedCell(@TempDir Path dir) throws Exception {
        try (StandaloneCluster cluster = StandaloneCluster.start(dir.resolve("cluster"), 1)) {
            String[] r = MainTest.run(grid(dir.resolve("on-cluster"), "u1", 20, onCluster(cluster, "--ks", "1,2")));
            assertEquals("0", r[0], r[1] + r[2]);
            r = MainTest.run(grid(dir.resolve("local"), "u1", 20, List.of("--ks", "1,2", "--master", "local[2]")));
            assertEquals("0", r[0], r[2]);
            assertEquals(Files.readString(dir.resolve("local").resolve("bounds.md")),
                    Files.readString(dir.resolve("on-cluster").resolve("bounds.md")));

            // one core: u1 trains first, then u3; the worker dies once u3 has its first checkpoint (toy runs keep
            // only their newest, so any step-*.zip). The wait also covers the executor's start (a JVM: ~5 s here)
            Path out = dir.resolve("dies");
            String[] dies = grid(out, "u1,u3", STEPS_WHEN_DYING, onCluster(cluster, "--ks", "2", "--separately",
                    "--conf", "spark.nf4j.executorWait=20s"));
            CompletableFuture<String[]> sweep = CompletableFuture.supplyAsync(() -> MainTest.run(dies));
            Path first = firstToAppear(() -> Stream.of("u1-radial-k2", "u3-radial-k2").map(c -> out.resolve(c).resolve("summary.json"))
                    .filter(Files::exists).findFirst().orElse(null), sweep);
            Path other = first.getParent().getFileName().toString().startsWith("u1") ? out.resolve("u3-radial-k2") : out.resolve("u1-radial-k2");
            firstToAppear(() -> firstCheckpoint(other.resolve("checkpoints")), sweep);
            cluster.killWorker();
            r = sweep.get(120, TimeUnit.SECONDS);
            assertEquals("1", r[0], r[1] + r[2]);
            assertTrue(r[2].startsWith("nf4j: no Spark executor has been running for 20 s on " + cluster.url()), r[2]);
            assertEquals(1, r[2].strip().lines().count(), r[2]);
            assertTrue(Files.exists(first), "the finished cell is kept");

            r = MainTest.run(grid(out, "u1,u3", STEPS_WHEN_DYING, List.of("--ks", "2", "--separately", "--master", "local[2]")));
            assertEquals("0", r[0], r[2]);
            assertTrue(Files.exists(other.resolve("summary.json")));
        }
    }

    /** The dying grid's updates per cell: 1,000 (its first checkpoint) to the end is seconds, time to kill the worker. */
    private static final int STEPS_WHEN_DYING = 8000;

    /** Waits (while the sweep runs) until {@code probe} finds a file; returns it. */
    private static Path firstToAppear(Callable<Path> probe, CompletableFuture<String[]> sweep) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < end) {
            Path p = probe.call();
            if (p != null) {
                return p;
            }
            if (sweep.isDone()) {
                throw new AssertionError("the sweep ended before the file appeared: " + String.join("\n", sweep.get()));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the file did not appear");
    }

    /** A checkpoint in {@code folder}, or null. */
    private static Path firstCheckpoint(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("step-\\d+\\.zip")).findFirst().orElse(null);
        }
    }
}
