package org.nf4j.notebook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The folders a notebook reads and writes: {@code models/}, {@code logs/} and {@code data/mnist/}
 * under one root, the checkout's top folder unless {@code NF4J_HOME} names another.
 *
 * @param root the folder holding {@code models/}, {@code logs/} and {@code data/}
 */
public record Workspace(Path root) {
    /** The environment variable that names the root (tests point it at a temporary folder). */
    public static final String HOME_VARIABLE = "NF4J_HOME";

    public Workspace {
        root = root.toAbsolutePath().normalize();
    }

    /**
     * {@code $NF4J_HOME} if set, else the nearest folder at or above the working directory that
     * holds a {@code pom.xml} (Jupyter starts kernels in the notebook's folder, {@code notebooks/}),
     * else the working directory.
     */
    public static Workspace find() {
        return find(System.getenv(), Path.of(""));
    }

    static Workspace find(Map<String, String> env, Path workingDir) {
        String home = env.get(HOME_VARIABLE);
        if (home != null && !home.isBlank()) {
            return new Workspace(Path.of(home));
        }
        for (Path p = workingDir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml"))) {
                return new Workspace(p);
            }
        }
        return new Workspace(workingDir);
    }

    public Path models() {
        return root.resolve("models");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /** Where the MNIST IDX files are (or would be fetched to). */
    public Path mnist() {
        return root.resolve("data").resolve("mnist");
    }

    /** {@code models/<name>}. */
    public Path run(String name) {
        return models().resolve(name);
    }

    /** {@code logs/<name>}. */
    public Path runLogs(String name) {
        return logs().resolve(name);
    }
}
