package org.nf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code notebook}: shows the spec, or installs it where it is told; bad input is one line. */
class NotebookCommandTest {

    @Test
    void installWritesTheSpecAndWithoutInstallNothingIsWritten(@TempDir Path dir) throws Exception {
        assertEquals("0", MainTest.run("notebook", "--kernels-dir", dir.toString(), "--class-path", "/x/classes")[0]);
        assertFalse(Files.exists(dir.resolve("nf4j")));
        assertEquals("0", MainTest.run("notebook", "--install", "--kernels-dir", dir.toString(), "--class-path", "/x/classes",
                "--name", "nf4j-dev")[0]);
        String json = Files.readString(dir.resolve("nf4j-dev").resolve("kernel.json"));
        assertTrue(json.contains("\"/x/classes\"") && json.contains("Java (nf4j-dev)"), json);
    }

    @Test
    void theDefaultClassPathIsTheOneNf4jRunsOn(@TempDir Path dir) throws Exception {
        assertEquals("0", MainTest.run("notebook", "--install", "--kernels-dir", dir.toString())[0]);
        String json = Files.readString(dir.resolve("nf4j").resolve("kernel.json"));
        assertTrue(json.contains(System.getProperty("java.class.path").replace("\\", "\\\\")), json);
    }

    @Test
    void aBadNameIsOneLine(@TempDir Path dir) {
        String[] r = MainTest.run("notebook", "--install", "--kernels-dir", dir.toString(), "--name", "a/b");
        assertEquals("2", r[0]);
        assertEquals("nf4j: a kernel name is letters, digits, '.', '_' and '-', got 'a/b'", r[2].strip());
    }
}
