package org.nf4j.train;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A process that holds the {@link RunLock} of a folder until its standard input closes (for {@link RunLockTest}). */
public final class HoldRunLock {
    private HoldRunLock() {
    }

    public static void main(String[] args) throws Exception {
        try (RunLock lock = RunLock.acquire(List.of(Path.of(args[0])), Duration.ZERO, System.out)) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the test closes our input
            }
        }
    }
}
