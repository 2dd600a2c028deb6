package org.nf4j.spark;

import java.io.PrintStream;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.nf4j.logging.PrefixedLines;

/**
 * The sweep's console, reachable from tasks that run in the driver's own process. A PrintStream
 * cannot travel with a task, so the driver registers its console here under a random id and the
 * task carries the id: in {@code local[N]} the task runs in the same process and finds the console,
 * so its lines appear live among the driver's; on a cluster the executor's process has no such
 * entry and the task writes to the executor's standard output instead.
 */
final class DriverConsole {
    private static final Map<String, PrintStream> CONSOLES = new ConcurrentHashMap<>();

    private DriverConsole() {
    }

    /** Registers a console; returns its id. */
    static String register(PrintStream out) {
        String id = UUID.randomUUID().toString();
        CONSOLES.put(id, out);
        return id;
    }

    static void unregister(String id) {
        CONSOLES.remove(id);
    }

    /** The console {@code id} if registered in this process, else {@code System.out}; every line prefixed. */
    static PrintStream lines(String id, String prefix) {
        PrintStream target = CONSOLES.get(id);
        return PrefixedLines.of(target != null ? target : System.out, prefix);
    }
}
