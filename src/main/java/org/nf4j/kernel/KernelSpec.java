package org.nf4j.kernel;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Jupyter kernel spec for nf4j's kernel: the {@code kernel.json} that tells Jupyter to start
 * {@link KernelMain} with a class path and JVM options, in a folder named after the kernel under a
 * {@code kernels} folder Jupyter searches (see {@link JupyterDirs}).
 *
 * @param name        the kernel's name (its folder; what {@code --ExecutePreprocessor.kernel_name} and a
 *                    notebook's metadata refer to)
 * @param displayName what Jupyter's menus show
 * @param argv        the command line, with {@code {connection_file}} where Jupyter puts the file's path
 * @param env         environment variables Jupyter sets for the kernel
 */
public record KernelSpec(String name, String displayName, List<String> argv, Map<String, String> env) {
    /** The kernel's default name; the notebooks under {@code notebooks/} ask for it. */
    public static final String DEFAULT_NAME = "nf4j";
    /**
     * The JVM options of the command line ({@code .mvn/jvm.config}): a heap limit that keeps native
     * buffers in check, no JavaCPP memory check on every allocation, and the module openings Spark
     * needs on Java 17 (Spark's own list), since a notebook's tiny sweep runs on an in-kernel local[1].
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("-Xmx2g", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0", "-Dorg.bytedeco.javacpp.maxBytes=0"),
            java.util.Arrays.stream(org.apache.spark.launcher.JavaModuleOptions.defaultModuleOptions().split(" "))).toList();

    public KernelSpec {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a kernel name is letters, digits, '.', '_' and '-', got '" + name + "'");
        }
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    /**
     * The spec of a kernel run by this JVM's {@code java} on {@code classPath}, with one native
     * thread per op as on the command line.
     */
    public static KernelSpec forThisJava(String name, String classPath, List<String> jvmOptions) {
        if (classPath.isBlank()) {
            throw new IllegalArgumentException("the kernel's class path is empty");
        }
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(jvmOptions);
        argv.addAll(List.of("-cp", classPath, KernelMain.class.getName(), "{connection_file}"));
        return new KernelSpec(name, "Java (" + name + ")", argv, Map.of("OMP_NUM_THREADS", "1"));
    }

    /** The {@code kernel.json} text. */
    public String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("argv", argv);
        m.put("display_name", displayName);
        m.put("language", "java");
        // Jupyter's default (SIGINT) would end the JVM; a message interrupts the running cell instead
        m.put("interrupt_mode", "message");
        m.put("env", env);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(m) + "\n";
    }

    /** Writes {@code <kernels>/<name>/kernel.json} (replacing one that is there); returns its path. */
    public Path writeTo(Path kernels) throws IOException {
        Path dir = kernels.resolve(name);
        Files.createDirectories(dir);
        Path file = dir.resolve("kernel.json");
        Path tmp = dir.resolve("kernel.json.tmp");
        Files.writeString(tmp, json());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
