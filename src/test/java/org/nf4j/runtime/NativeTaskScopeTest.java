package org.nf4j.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.factory.Nd4j;

/** A task on a pooled thread gets ND4J configured and leaves no workspace behind for the next task. */
class NativeTaskScopeTest {

    @Test
    void aWorkspaceLeftOpenByOneTaskIsGoneForTheNextOnTheSameThread() throws Exception {
        ExecutorService pooled = Executors.newSingleThreadExecutor();
        try {
            boolean leftOpen = pooled.submit(() -> {
                try (NativeTaskScope scope = NativeTaskScope.enter(new BackendSpec(BackendChoice.CPU, 1, 1))) {
                    MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace("leaky-task");
                    Nd4j.create(10, 10);
                    return Nd4j.getWorkspaceManager().anyWorkspaceActiveForCurrentThread() && ws != null;
                }
            }).get();
            assertTrue(leftOpen, "the first task really left a workspace open");
            boolean nextSees = pooled.submit(() -> {
                try (NativeTaskScope scope = NativeTaskScope.enter(new BackendSpec(BackendChoice.CPU, 1, 1))) {
                    return Nd4j.getWorkspaceManager().anyWorkspaceActiveForCurrentThread()
                            || Nd4j.getWorkspaceManager().checkIfWorkspaceExists("leaky-task");
                }
            }).get();
            assertFalse(nextSees);
            assertTrue(Backends.threadState().isTunedTo(1), Backends.threadState().toString());
        } finally {
            pooled.shutdownNow();
        }
    }
}
