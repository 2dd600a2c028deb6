package org.nf4j.kernel;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** What a failed cell's traceback shows: the cell's own frames, not JShell's or the kernel's. */
final class CellTraces {
    private CellTraces() {
    }

    /**
     * Cuts the stack traces of {@code t}, its causes and suppressed exceptions after the last frame of
     * the cells' code (JShell's {@code REPL.} classes): what lies below is JShell and the kernel.
     */
    static void cutAtCellCode(Throwable t) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>(List.of(t));
        while (!todo.isEmpty()) {
            Throwable x = todo.pop();
            if (!seen.add(x)) {
                continue;
            }
            StackTraceElement[] frames = x.getStackTrace();
            int last = frames.length - 1;
            while (last >= 0 && !frames[last].getClassName().startsWith("REPL.")) {
                last--;
            }
            if (last >= 0) {
                x.setStackTrace(Arrays.copyOf(frames, last + 1));
            }
            if (x.getCause() != null) {
                todo.push(x.getCause());
            }
            todo.addAll(Arrays.asList(x.getSuppressed()));
        }
    }

    /**
     * The traceback lines of a cell's failure: a compile error's messages, else the stack trace (for
     * a {@link CellError}, the Error's).
     */
    static List<String> lines(Throwable e) {
        if (e instanceof CompileError c) {
            return c.report();
        }
        StringWriter trace = new StringWriter();
        (e instanceof CellError ? e.getCause() : e).printStackTrace(new PrintWriter(trace));
        return trace.toString().lines().toList();
    }
}
