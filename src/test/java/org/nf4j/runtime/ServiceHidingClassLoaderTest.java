package org.nf4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4jBackend;

/** The class loader that hides the unwanted backend's service files from ND4J. */
class ServiceHidingClassLoaderTest {

    private static final String MARKER = "org/example/gpu/FakeGpuBackend.class";

    @TempDir
    Path tmp;

    @Test
    void hidesServiceFilesOfTheRootHoldingTheMarkerOnly() throws IOException {
        Path gpuRoot = root("gpu", true);
        Path cpuRoot = root("cpu", false);
        try (URLClassLoader parent = new URLClassLoader(
                new URL[] {gpuRoot.toUri().toURL(), cpuRoot.toUri().toURL()}, null)) {
            assertEquals(2, Collections.list(parent.getResources(ServiceHidingClassLoader.BACKEND_SERVICE)).size());

            ServiceHidingClassLoader filter = new ServiceHidingClassLoader(parent, MARKER);
            assertFalse(filter.backendLookupSeen());

            List<URL> seen = Collections.list(filter.getResources(ServiceHidingClassLoader.BACKEND_SERVICE));
            assertEquals(1, seen.size());
            assertTrue(seen.get(0).toString().startsWith(cpuRoot.toUri().toURL().toString()), seen.toString());
            assertTrue(filter.backendLookupSeen());
            assertTrue(filter.getResource(ServiceHidingClassLoader.BACKEND_SERVICE).toString()
                    .startsWith(cpuRoot.toUri().toURL().toString()));
            // non-service resources are untouched
            assertNotNull(filter.getResource(MARKER));
            assertEquals(2, Collections.list(filter.getResources("data.txt")).size());
        }
    }

    @Test
    void hidesNothingWhenTheMarkerIsAbsent() throws IOException {
        Path cpuRoot = root("cpu", false);
        try (URLClassLoader parent = new URLClassLoader(new URL[] {cpuRoot.toUri().toURL()}, null)) {
            ServiceHidingClassLoader filter = new ServiceHidingClassLoader(parent, MARKER);
            assertNull(filter.hiddenRoot());
            assertEquals(1, Collections.list(filter.getResources(ServiceHidingClassLoader.BACKEND_SERVICE)).size());
        }
    }

    @Test
    void serviceLoaderSeesOnlyTheBackendsNotHidden() {
        ClassLoader app = ServiceHidingClassLoaderTest.class.getClassLoader();

        // hiding the (absent) CUDA jar leaves the CPU backend visible
        assertEquals(List.of(BackendChoice.CPU.backendClassName()), backendTypes(
                new ServiceHidingClassLoader(app, BackendChoice.GPU.backendClassResource())));
        // hiding the nd4j-native jar leaves no backend at all
        assertEquals(List.of(), backendTypes(
                new ServiceHidingClassLoader(app, BackendChoice.CPU.backendClassResource())));
    }

    @Test
    void unwrapReturnsTheOriginalLoader() {
        ClassLoader app = ServiceHidingClassLoaderTest.class.getClassLoader();
        ClassLoader twice = new ServiceHidingClassLoader(new ServiceHidingClassLoader(app, MARKER), MARKER);
        assertSame(app, ServiceHidingClassLoader.unwrap(twice));
    }

    /** Provider class names found without instantiating (which could start a backend). */
    private static List<String> backendTypes(ClassLoader loader) {
        return ServiceLoader.load(Nd4jBackend.class, loader).stream()
                .map(p -> p.type().getName())
                .collect(Collectors.toList());
    }

    private Path root(String name, boolean withMarker) throws IOException {
        Path root = Files.createDirectory(tmp.resolve(name));
        Path service = root.resolve(ServiceHidingClassLoader.BACKEND_SERVICE);
        Files.createDirectories(service.getParent());
        Files.writeString(service, "org.example." + name + ".Backend\n");
        Files.writeString(root.resolve("data.txt"), name);
        if (withMarker) {
            Path marker = root.resolve(MARKER);
            Files.createDirectories(marker.getParent());
            Files.write(marker, new byte[] {0});
        }
        return root;
    }
}
