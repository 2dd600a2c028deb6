package org.nf4j.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exclusive use of run folders while a cell trains in them, so that two attempts of one cell (a
 * retry beside a zombie attempt, a second sweep started on the same folders) never write the same
 * run. A lock is a {@link FileChannel#tryLock()} on the file {@value #FILE} in each folder, held
 * until {@link #close()}: the operating system (and a POSIX shared mount) releases it when its
 * process dies. Within one process, attempts are kept apart by the set of folders it holds: two
 * channels of one process on one file would release each other's lock when closed.
 *
 * <p>A folder held by someone else is waited for, polling, up to a given time; then the attempt
 * fails with a message naming the folder.
 */
public final class RunLock implements AutoCloseable {
    /** The lock file in each run folder (empty; it stays). */
    public static final String FILE = ".lock";
    /** How long a cell waits by default for a folder another attempt holds. */
    public static final Duration DEFAULT_WAIT = Duration.ofMinutes(2);

    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();
    private static final long POLL_MILLIS = 200;

    private final List<Held> held;

    private record Held(Path folder, FileChannel channel, FileLock lock) {
    }

    private RunLock(List<Held> held) {
        this.held = held;
    }

    /**
     * Locks every folder (creating it), in a fixed order so that two attempts over overlapping folders
     * cannot deadlock; all or none.
     *
     * @param out where to say that the attempt waits for another
     * @throws IOException when a folder stays locked for longer than {@code wait}, or cannot be created
     */
    public static RunLock acquire(List<Path> folders, Duration wait, PrintStream out) throws IOException {
        List<Path> sorted = folders.stream().map(p -> p.toAbsolutePath().normalize()).distinct().sorted().toList();
        List<Held> held = new ArrayList<>();
        try {
            for (Path folder : sorted) {
                held.add(lock(folder, wait, out));
            }
        } catch (IOException | RuntimeException e) {
            try {
                new RunLock(held).close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return new RunLock(held);
    }

    private static Held lock(Path folder, Duration wait, PrintStream out) throws IOException {
        Files.createDirectories(folder);
        long deadline = System.nanoTime() + wait.toNanos();
        boolean said = false;
        while (true) {
            if (HELD_HERE.add(folder)) {
                FileChannel channel = FileChannel.open(folder.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    HELD_HERE.remove(folder);
                    throw e;
                }
                if (lock != null) {
                    return new Held(folder, channel, lock);
                }
                channel.close();
                HELD_HERE.remove(folder);
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(folder + " is locked by another attempt of this cell or another sweep (" + FILE
                        + " held for more than " + wait.toSeconds() + " s): let it finish, or run one sweep per folder");
            }
            if (!said) {
                out.println("waiting for " + folder + ": another attempt of this cell holds its lock");
                said = true;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while waiting for the lock of " + folder);
            }
        }
    }

    /** Releases every lock. */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (Held h : held) {
            try {
                h.lock().release();
                h.channel().close();
            } catch (IOException e) {
                failure = e;
            } finally {
                HELD_HERE.remove(h.folder());
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
