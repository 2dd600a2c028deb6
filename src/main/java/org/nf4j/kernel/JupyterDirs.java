package org.nf4j.kernel;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Jupyter looks for a user's kernels: {@code <data dir>/kernels}, with the data directory
 * chosen as {@code jupyter_core} does ({@code jupyter --data-dir}).
 */
public final class JupyterDirs {
    private JupyterDirs() {
    }

    /** The user's kernels folder for this process's environment, OS and home. */
    public static Path userKernels() {
        return userKernels(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", ""));
    }

    /**
     * {@code $JUPYTER_DATA_DIR}; else on Windows {@code %APPDATA%\jupyter}, on macOS
     * {@code ~/Library/Jupyter}, elsewhere {@code $XDG_DATA_HOME/jupyter} or
     * {@code ~/.local/share/jupyter}; then {@code kernels} inside it.
     *
     * @throws IllegalArgumentException if none of these can be determined (no home directory)
     */
    public static Path userKernels(Map<String, String> env, String osName, String userHome) {
        return dataDir(env, osName.toLowerCase(Locale.ROOT), userHome).resolve("kernels");
    }

    private static Path dataDir(Map<String, String> env, String os, String home) {
        String explicit = env.get("JUPYTER_DATA_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        if (os.startsWith("windows") && env.get("APPDATA") != null && !env.get("APPDATA").isBlank()) {
            return Path.of(env.get("APPDATA"), "jupyter");
        }
        if (home == null || home.isBlank() || home.equals("?")) {
            throw new IllegalArgumentException("cannot tell where Jupyter keeps your kernels (no home directory): "
                    + "set JUPYTER_DATA_DIR or pass --kernels-dir");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Jupyter");
        }
        if (os.startsWith("windows")) {
            return Path.of(home, ".jupyter", "data");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "jupyter") : Path.of(home, ".local", "share", "jupyter");
    }
}
