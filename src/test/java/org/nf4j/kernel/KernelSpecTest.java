package org.nf4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel.json Jupyter reads, and where a user's kernels go. */
class KernelSpecTest {

    @Test
    void theSpecStartsThisJavaOnTheClassPathWithTheConnectionFile(@TempDir Path dir) throws Exception {
        KernelSpec spec = KernelSpec.forThisJava("nf4j", "/a/classes:/b/dep.jar", List.of("-Xmx1g"));
        Path file = spec.writeTo(dir);
        assertEquals(dir.resolve("nf4j").resolve("kernel.json"), file);
        JsonObject json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        List<String> argv = json.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), argv.get(0));
        assertEquals(List.of("-Xmx1g", "-cp", "/a/classes:/b/dep.jar", KernelMain.class.getName(), "{connection_file}"),
                argv.subList(1, argv.size()));
        assertEquals("java", json.get("language").getAsString());
        assertEquals("message", json.get("interrupt_mode").getAsString());
        assertEquals("1", json.getAsJsonObject("env").get("OMP_NUM_THREADS").getAsString());

        KernelSpec.forThisJava("nf4j", "/c.jar", List.of()).writeTo(dir);
        assertTrue(Files.readString(file).contains("/c.jar") && !Files.readString(file).contains("dep.jar"), "replaced");
        assertEquals(List.of("kernel.json"), Files.list(file.getParent()).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void badNamesAndEmptyClassPathsAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KernelSpec.forThisJava("my kernel", "/a.jar", List.of()))
                .getMessage().contains("'my kernel'"));
        assertThrows(IllegalArgumentException.class, () -> KernelSpec.forThisJava("nf4j", " ", List.of()));
    }

    @Test
    void userKernelsFollowJupytersDataDirectory() {
        assertEquals(Path.of("/j/kernels"), JupyterDirs.userKernels(Map.of("JUPYTER_DATA_DIR", "/j", "XDG_DATA_HOME", "/x"), "Linux", "/home/u"));
        assertEquals(Path.of("/x/jupyter/kernels"), JupyterDirs.userKernels(Map.of("XDG_DATA_HOME", "/x"), "Linux", "/home/u"));
        assertEquals(Path.of("/home/u/.local/share/jupyter/kernels"), JupyterDirs.userKernels(Map.of(), "Linux", "/home/u"));
        assertEquals(Path.of("/Users/u/Library/Jupyter/kernels"), JupyterDirs.userKernels(Map.of(), "Mac OS X", "/Users/u"));
        assertEquals(Path.of("/appdata", "jupyter", "kernels"), JupyterDirs.userKernels(Map.of("APPDATA", "/appdata"), "Windows 10", "/u"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JupyterDirs.userKernels(Map.of(), "Linux", "?"));
        assertTrue(e.getMessage().contains("JUPYTER_DATA_DIR") && e.getMessage().contains("--kernels-dir"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
