package org.nf4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StartupErrorsTest {

    @Test
    void backendProblemsExitWithTwoOthersWithOne() {
        assertEquals(2, StartupErrors.exitCodeFor(new BackendUnavailableException(BackendChoice.GPU, "x")));
        assertEquals(2, StartupErrors.exitCodeFor(new IllegalStateException("wrong backend")));
        assertEquals(1, StartupErrors.exitCodeFor(new RuntimeException("boom")));
    }

    @Test
    void messageIsOneLine() {
        assertEquals("a b", StartupErrors.messageFor(new RuntimeException("a\n  b\n")));
        assertEquals("java.lang.RuntimeException", StartupErrors.messageFor(new RuntimeException()));
    }

    @Test
    void rootMessageIsTheDeepestCauseOnOneLine() {
        Throwable t = new RuntimeException("outer", new IllegalStateException("No CUDA devices\nwere found"));
        assertEquals("No CUDA devices were found", Backends.rootMessage(t));
    }

    @org.junit.jupiter.api.Test
    void aFileSystemErrorSaysWhatWentWrongWithThePath() {
        org.junit.jupiter.api.Assertions.assertEquals("cannot use /readonly/run: access denied",
                StartupErrors.messageFor(new java.nio.file.AccessDeniedException("/readonly/run")));
        org.junit.jupiter.api.Assertions.assertEquals("cannot use /x: Not a directory",
                StartupErrors.messageFor(new java.nio.file.FileSystemException("/x", null, "Not a directory")));
    }
}
