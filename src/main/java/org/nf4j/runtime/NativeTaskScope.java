package org.nf4j.runtime;

import org.nd4j.linalg.factory.Nd4j;

/**
 * The span of one task on a pooled thread (a Spark executor's task thread): on entry ND4J is
 * configured as the task's {@link BackendSpec} says (the first task of a process starts the backend;
 * the thread counts are applied every time), and on exit every ND4J workspace the task left on its
 * thread is destroyed, so the next task on that thread starts with none open.
 */
public final class NativeTaskScope implements AutoCloseable {

    private NativeTaskScope() {
    }

    /** Configures ND4J for a task on the current thread. */
    public static NativeTaskScope enter(BackendSpec backend) {
        backend.configure();
        return new NativeTaskScope();
    }

    /** Destroys the workspaces left on the current thread. */
    @Override
    public void close() {
        Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
    }
}
