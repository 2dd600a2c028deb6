package org.nf4j.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.nf4j.kernel.ClassPath;
import org.nf4j.kernel.JupyterDirs;
import org.nf4j.kernel.KernelSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code notebook --install}: nf4j's Java kernel for Jupyter, on this checkout's class path. */
@Command(name = "notebook", mixinStandardHelpOptions = true,
        description = "Install nf4j's Java kernel for Jupyter (JShell in a JVM with nf4j and its dependencies on the "
                + "class path); without --install, show the kernel.json it would write. Then: jupyter notebook notebooks/")
public final class NotebookCommand implements Callable<Integer> {

    @Option(names = "--install", description = "write the kernel spec (replacing one of the same name)")
    boolean install;

    @Option(names = "--name", defaultValue = KernelSpec.DEFAULT_NAME, description = "kernel name (default: ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--kernels-dir", description = "where to write <name>/kernel.json "
            + "(default: the kernels folder of your Jupyter data directory, as `jupyter --data-dir` shows)")
    Path kernelsDir;

    @Option(names = "--class-path", description = "the kernel's class path (default: the one nf4j runs on now: "
            + "target/classes and the Maven dependencies)")
    String classPath;

    /** The spec these options describe. */
    KernelSpec spec() {
        return KernelSpec.forThisJava(name, classPath != null ? classPath : ClassPath.ofRunningCode(),
                KernelSpec.DEFAULT_JVM_OPTIONS);
    }

    @Override
    public Integer call() throws Exception {
        KernelSpec spec = spec();
        Path dir = kernelsDir != null ? kernelsDir : JupyterDirs.userKernels();
        if (!install) {
            System.out.print(spec.json());
            System.out.println("(not written; add --install to write it to " + dir.resolve(spec.name()).resolve("kernel.json") + ")");
            return 0;
        }
        Path file = spec.writeTo(dir);
        int entries = spec.argv().get(spec.argv().indexOf("-cp") + 1).split(File.pathSeparator).length;
        System.out.println("installed kernel '" + spec.name() + "' (" + spec.displayName() + ", " + entries
                + " class path entries) in " + file);
        System.out.println("start Jupyter with: jupyter notebook notebooks/   (recompile with mvn compile after changing nf4j)");
        return 0;
    }
}
