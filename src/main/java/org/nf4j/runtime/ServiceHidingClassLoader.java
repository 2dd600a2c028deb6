package org.nf4j.runtime;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A class loader that delegates everything to its parent, except that it hides the
 * {@code META-INF/services/*} files of one class-path root (jar or directory).
 *
 * <p>ND4J 1.0.0-M2.1 finds its backends with {@code ServiceLoader.load(Nd4jBackend.class,
 * ND4JClassLoading.getNd4jClassloader())} and takes the available one with the highest priority
 * (CUDA 100, CPU 0, changeable only through the environment variables
 * {@code BACKEND_PRIORITY_GPU}/{@code BACKEND_PRIORITY_CPU}). Installing this loader with
 * {@code ND4JClassLoading.setNd4jClassloader} before ND4J initialises hides the unwanted backend
 * (and its compressor services) from that lookup. Classes are still loaded by the parent, so the
 * {@code Nd4jBackend} type seen by ND4J is unchanged.
 *
 * <p>The root to hide is found as the class-path root that holds a marker resource, normally the
 * backend class file. The loader also records whether the backend service file was ever asked for,
 * which tells {@link Backends} whether ND4J ran its backend selection through this loader.
 */
final class ServiceHidingClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    /** The service file ND4J reads to find backends. */
    static final String BACKEND_SERVICE = "META-INF/services/org.nd4j.linalg.factory.Nd4jBackend";

    private static final String SERVICES_PREFIX = "META-INF/services/";

    private final String hiddenRoot;
    private final AtomicBoolean backendLookupSeen = new AtomicBoolean();

    /**
     * @param parent         the loader to delegate to (ND4J's current class loader)
     * @param markerResource a resource that lives in the root to hide, e.g.
     *                       {@code org/nd4j/linalg/jcublas/JCublasBackend.class}; if the parent
     *                       cannot find it nothing is hidden
     */
    ServiceHidingClassLoader(ClassLoader parent, String markerResource) {
        super("nf4j-backend-filter", parent);
        this.hiddenRoot = rootOf(parent.getResource(markerResource), markerResource);
    }

    /** The loader ND4J had before any {@code ServiceHidingClassLoader} was wrapped around it. */
    static ClassLoader unwrap(ClassLoader loader) {
        ClassLoader l = loader;
        while (l instanceof ServiceHidingClassLoader) {
            l = l.getParent();
        }
        return l;
    }

    /** The URL prefix of the hidden class-path root, or {@code null} if nothing is hidden. */
    String hiddenRoot() {
        return hiddenRoot;
    }

    /** Whether {@link #BACKEND_SERVICE} was looked up through this loader. */
    boolean backendLookupSeen() {
        return backendLookupSeen.get();
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (BACKEND_SERVICE.equals(name)) {
            backendLookupSeen.set(true);
        }
        Enumeration<URL> all = getParent().getResources(name);
        if (hiddenRoot == null || !name.startsWith(SERVICES_PREFIX)) {
            return all;
        }
        List<URL> kept = new ArrayList<>();
        while (all.hasMoreElements()) {
            URL url = all.nextElement();
            if (!isHidden(url)) {
                kept.add(url);
            }
        }
        return Collections.enumeration(kept);
    }

    @Override
    public URL getResource(String name) {
        if (hiddenRoot == null || !name.startsWith(SERVICES_PREFIX)) {
            return getParent().getResource(name);
        }
        try {
            Enumeration<URL> e = getResources(name);
            return e.hasMoreElements() ? e.nextElement() : null;
        } catch (IOException ex) {
            return null;
        }
    }

    private boolean isHidden(URL url) {
        return url.toString().startsWith(hiddenRoot);
    }

    /** {@code jar:file:/x.jar!/a/B.class} with name {@code a/B.class} gives {@code jar:file:/x.jar!/}. */
    private static String rootOf(URL markerUrl, String markerResource) {
        if (markerUrl == null) {
            return null;
        }
        String s = markerUrl.toString();
        return s.endsWith(markerResource) ? s.substring(0, s.length() - markerResource.length()) : null;
    }
}
