package org.nf4j.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nf4j.kernel.KernelSpec;

/**
 * The notebooks under {@code notebooks/}: committed without outputs, and each one executed headless
 * by Jupyter ({@code jupyter nbconvert --execute}) with nf4j's kernel on a fresh workspace (no runs,
 * no MNIST), so that each makes the tiny run it reads. The executed notebooks and their pictures
 * are kept in {@code target/notebooks/} for a reader to look at. Without Jupyter the second test is
 * skipped and says why.
 */
class NotebooksTest {
    private static final Path NOTEBOOKS = Path.of("notebooks");
    private static final Path EXECUTED = Path.of("target", "notebooks");
    /** The pictures each notebook must show (a cell that stops drawing one fails the test). */
    private static final Map<String, Integer> PICTURES = Map.of("1-energies.ipynb", 5, "2-mnist-run.ipynb", 6,
            "3-table2.ipynb", 2);

    private static List<Path> notebooks() throws IOException {
        try (Stream<Path> s = Files.list(NOTEBOOKS)) {
            return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    private static List<JsonObject> codeCells(Path notebook) throws IOException {
        List<JsonObject> cells = new ArrayList<>();
        for (JsonElement c : JsonParser.parseString(Files.readString(notebook)).getAsJsonObject().getAsJsonArray("cells")) {
            if (c.getAsJsonObject().get("cell_type").getAsString().equals("code")) {
                cells.add(c.getAsJsonObject());
            }
        }
        return cells;
    }

    @Test
    void committedNotebooksHaveNoOutputsAndAskForTheKernel() throws IOException {
        assertEquals(PICTURES.keySet(), Set.copyOf(notebooks().stream().map(p -> p.getFileName().toString()).toList()));
        for (Path nb : notebooks()) {
            JsonObject kernel = JsonParser.parseString(Files.readString(nb)).getAsJsonObject().getAsJsonObject("metadata")
                    .getAsJsonObject("kernelspec");
            assertEquals(KernelSpec.DEFAULT_NAME, kernel.get("name").getAsString(), nb.toString());
            for (JsonObject cell : codeCells(nb)) {
                assertEquals(0, cell.getAsJsonArray("outputs").size(), nb + ": strip the outputs before committing");
                assertTrue(cell.get("execution_count").isJsonNull(), nb + ": strip the execution counts before committing");
            }
        }
    }

    @Test
    void everyNotebookRunsHeadlessOnAFreshWorkspace(@TempDir Path tmp) throws Exception {
        String missing = missingJupyter();
        if (missing != null) {
            System.err.println("NotebooksTest: skipped: " + missing);
        }
        Assumptions.assumeTrue(missing == null, missing);

        Path jupyter = tmp.resolve("jupyter");
        KernelSpec.forThisJava("nf4j-test", System.getProperty("java.class.path"), KernelSpec.DEFAULT_JVM_OPTIONS)
                .writeTo(jupyter.resolve("kernels"));
        Path home = tmp.resolve("home");
        Files.createDirectories(home);
        Files.createDirectories(EXECUTED);
        for (Path nb : notebooks()) {
            long start = System.nanoTime();
            ProcessBuilder b = new ProcessBuilder("jupyter", "nbconvert", "--to", "notebook", "--execute",
                    "--ExecutePreprocessor.kernel_name=nf4j-test", "--ExecutePreprocessor.timeout=600",
                    "--ExecutePreprocessor.startup_timeout=300",
                    "--output-dir", EXECUTED.toAbsolutePath().toString(), nb.toString())
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("nbconvert.log").toFile());
            isolate(b.environment(), jupyter, home);
            Process p = b.start();
            assertTrue(p.waitFor(15, TimeUnit.MINUTES), nb + " did not finish");
            String log = Files.readString(tmp.resolve("nbconvert.log"));
            assertEquals(0, p.exitValue(), nb + " failed:\n" + log.substring(Math.max(0, log.length() - 6000)));
            int pictures = checkOutputs(EXECUTED.resolve(nb.getFileName()));
            assertTrue(pictures >= PICTURES.get(nb.getFileName().toString()), nb + " shows " + pictures + " pictures");
            System.out.printf("NotebooksTest: %s ran in %.0f s; %d pictures in %s%n", nb.getFileName(),
                    (System.nanoTime() - start) / 1e9, pictures, EXECUTED.resolve("pictures"));
        }
        assertTrue(Files.isRegularFile(home.resolve("models/notebook-mnist/checkpoints/best.zip")), "notebook 2 made its run");
        assertTrue(Files.isRegularFile(home.resolve("models/notebook-table2/table2.csv")), "notebook 3 made its sweep");
    }

    /** Why Jupyter cannot run the notebooks here, or null if it can. */
    private static String missingJupyter() {
        for (List<String> probe : List.of(List.of("jupyter", "nbconvert", "--version"), List.of("jupyter", "kernelspec", "--version"))) {
            try {
                Process p = new ProcessBuilder(probe).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    return "`" + String.join(" ", probe) + "` failed: install Debian's jupyter-nbconvert and jupyter-client"
                            + " (or any Jupyter with nbconvert) to execute the notebooks";
                }
            } catch (IOException | InterruptedException e) {
                return "no `jupyter` command (" + e.getMessage() + "): install Debian's jupyter-nbconvert and jupyter-client"
                        + " (or any Jupyter with nbconvert) to execute the notebooks";
            }
        }
        return null;
    }

    /**
     * Jupyter's folders in the test's own temporary folder (its kernels there, none of the user's),
     * and the notebooks' workspace a fresh one.
     */
    private static void isolate(Map<String, String> env, Path jupyter, Path home) {
        env.put("JUPYTER_PATH", jupyter.toString());
        env.put("JUPYTER_DATA_DIR", jupyter.resolve("data").toString());
        env.put("JUPYTER_RUNTIME_DIR", jupyter.resolve("runtime").toString());
        env.put("JUPYTER_CONFIG_DIR", jupyter.resolve("config").toString());
        env.put(Workspace.HOME_VARIABLE, home.toString());
        env.remove("NF4J_RUN");
        env.remove("NF4J_SWEEP");
    }

    /**
     * Checks that every code cell of an executed notebook ran and none failed; writes its pictures
     * to {@code target/notebooks/pictures/}; returns how many there are.
     */
    private static int checkOutputs(Path executed) throws IOException {
        String name = executed.getFileName().toString().replace(".ipynb", "");
        Path pictures = EXECUTED.resolve("pictures");
        Files.createDirectories(pictures);
        int n = 0;
        int index = 0;
        for (JsonObject cell : codeCells(executed)) {
            index++;
            assertFalse(cell.get("execution_count").isJsonNull(), executed + ": code cell " + index + " did not run");
            for (JsonElement o : cell.getAsJsonArray("outputs")) {
                JsonObject out = o.getAsJsonObject();
                assertNotEquals("error", out.get("output_type").getAsString(), executed + ": code cell " + index + " failed: " + out);
                JsonObject data = out.getAsJsonObject("data");
                if (data != null && data.has("image/png")) {
                    n++;
                    Files.write(pictures.resolve(String.format("%s-cell%02d.png", name, index)),
                            Base64.getDecoder().decode(data.get("image/png").getAsString().replace("\n", "")));
                }
            }
        }
        return n;
    }
}
