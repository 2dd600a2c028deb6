package org.nf4j.kernel;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The class path nf4j itself was loaded from: what a kernel started from here should run on. */
public final class ClassPath {
    private ClassPath() {
    }

    /**
     * The entries of the class loader that loaded nf4j when it is a URL class loader (as under
     * {@code mvn exec:java}, whose JVM class path is Maven's own), else {@code java.class.path}.
     */
    public static String ofRunningCode() {
        if (ClassPath.class.getClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                entries.add(path(url));
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path", "");
    }

    private static String path(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("a class path entry is not a file: " + url, e);
        }
    }
}
