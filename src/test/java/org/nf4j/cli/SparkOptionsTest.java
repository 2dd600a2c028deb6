package org.nf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nf4j.runtime.BackendChoice;
import org.nf4j.runtime.BackendSpec;
import org.nf4j.runtime.Backends;
import org.nf4j.spark.SparkSettings;
import picocli.CommandLine;

/** --master, --conf and --jobs reach the sweep's Spark settings; bad ones end in one line. */
class SparkOptionsTest {

    @Test
    void optionsBecomeTheSparkSettings() {
        ToyGridCommand grid = new ToyGridCommand();
        new CommandLine(grid).parseArgs("--master", "spark://h:7077", "--conf", "spark.executor.memory=2g",
                "--conf", "spark.ui.enabled=true", "--jobs", "3");
        SparkSettings s = grid.spark.settings(new BackendSpec(BackendChoice.CPU, 1, 1));
        assertEquals("spark://h:7077", s.master());
        assertEquals(Map.of("spark.executor.memory", "2g", "spark.ui.enabled", "true"), s.conf());
        assertEquals(3, s.localSlots());
        assertEquals(1, grid.backend.spec(3).blasThreads(), "several tasks at once: one BLAS thread each");

        Table2Command table2 = new Table2Command();
        new CommandLine(table2).parseArgs("--log-dir", "/shared/logs");
        assertEquals(Path.of("/shared/logs"), table2.logs);
        SparkSettings byDefault = table2.spark.settings(new BackendSpec(BackendChoice.CPU, 1, 1));
        assertEquals(null, byDefault.master());
        assertEquals(Runtime.getRuntime().availableProcessors(), byDefault.localSlots());
    }

    /** Unless told, native threads times BLAS threads stay within the cores (2 x 2 on 2 cores was 4x slower). */
    @Test
    void blasThreadsByDefaultLeaveNoCoreOversubscribed() {
        assertEquals(2, Backends.defaultBlasThreads(1, 2));
        assertEquals(1, Backends.defaultBlasThreads(2, 2));
        assertEquals(1, Backends.defaultBlasThreads(3, 2));
        assertEquals(1, Backends.defaultBlasThreads(1, 1));
        assertEquals(2, Backends.defaultBlasThreads(1, 16));
        assertEquals(4, Backends.defaultBlasThreads(4, 16));
        assertEquals(2, Backends.defaultBlasThreads(8, 16));
        TrainCommand told = new TrainCommand();
        new CommandLine(told).parseArgs("--threads", "2", "--blas-threads", "2");
        assertEquals(2, told.backend.spec(1).blasThreads(), "--blas-threads as given");
    }

    @Test
    void anUnreachableMasterIsOneLineAndExitCode1(@TempDir Path dir) {
        String[] r = MainTest.run("toy-grid", "--master", "spark://127.0.0.1:1", "--targets", "u1", "--flows", "planar",
                "--ks", "1", "--steps", "20", "--eval-samples", "10000", "--out", dir.resolve("m").toString(),
                "--log-dir", dir.resolve("l").toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].startsWith("nf4j: cannot reach the Spark master spark://127.0.0.1:1"), r[2]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
    }

    @Test
    void anOutputFolderThatCannotBeWrittenIsOneLineBeforeAnyTask(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        String[] r = MainTest.run("toy-grid", "--targets", "u1", "--flows", "planar", "--ks", "1", "--steps", "20",
                "--eval-samples", "10000", "--out", file.resolve("toy").toString(), "--log-dir", dir.resolve("l").toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].startsWith("nf4j: cannot use " + file.resolve("toy")), r[2]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
        assertTrue(!r[1].contains("spark "), "Spark did not start: " + r[1]);
    }

    @Test
    void badSparkOptionsAreBadInput() {
        assertEquals("2", MainTest.run("toy-grid", "--jobs", "0")[0]);
        String[] r = MainTest.run("toy-grid", "--master", "localhost", "--steps", "20");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--master must be local[N], spark://HOST:PORT"), r[2]);
    }
}
