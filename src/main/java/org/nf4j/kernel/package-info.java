/**
 * nf4j's Jupyter kernel: Java cells run by JShell inside the kernel's own JVM, with nf4j and its
 * dependencies on the class path, over the Jupyter protocol of {@code org.dflib.jjava:jjava-jupyter}.
 * {@link org.nf4j.kernel.JShellKernel} answers execute, complete, is-complete and inspect requests;
 * {@link org.nf4j.kernel.KernelMain} is what Jupyter starts; {@link org.nf4j.kernel.KernelSpec}
 * writes the {@code kernel.json} that tells Jupyter how.
 */
package org.nf4j.kernel;
