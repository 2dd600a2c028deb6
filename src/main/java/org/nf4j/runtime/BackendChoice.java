package org.nf4j.runtime;

/**
 * The ND4J backend a run asks for.
 *
 * <p>Each constant knows the class ND4J 1.0.0-M2.1 registers for it as an
 * {@code org.nd4j.linalg.factory.Nd4jBackend} service and the Maven artifact that provides it,
 * so that {@link Backends} can look for the backend without initialising it.
 */
public enum BackendChoice {

    /** nd4j-native: the CPU backend (OpenBLAS + OpenMP). Always on nf4j's classpath. */
    CPU("cpu", "org.nd4j.linalg.cpu.nativecpu.CpuBackend", "nd4j-native"),

    /** nd4j-cuda-11.6: the CUDA backend, on the classpath only with the Maven profile {@code gpu}. */
    GPU("gpu", "org.nd4j.linalg.jcublas.JCublasBackend", "nd4j-cuda-11.6");

    private final String label;
    private final String backendClassName;
    private final String artifactId;

    BackendChoice(String label, String backendClassName, String artifactId) {
        this.label = label;
        this.backendClassName = backendClassName;
        this.artifactId = artifactId;
    }

    /** Short lower-case name for logs: {@code cpu} or {@code gpu}. */
    public String label() {
        return label;
    }

    /** Fully qualified name of the {@code Nd4jBackend} subclass that implements this choice. */
    public String backendClassName() {
        return backendClassName;
    }

    /** Maven artifactId (group {@code org.nd4j}) of the jar holding {@link #backendClassName()}. */
    public String artifactId() {
        return artifactId;
    }

    /** Class-path resource name of the backend class, e.g. {@code org/nd4j/.../CpuBackend.class}. */
    String backendClassResource() {
        return backendClassName.replace('.', '/') + ".class";
    }

    /** The other constant: the backend that must be hidden from ND4J when this one is chosen. */
    BackendChoice other() {
        return this == CPU ? GPU : CPU;
    }
}
