package org.nf4j.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.jshell.Diag;

/**
 * A cell that does not compile: the Jupyter error of the cell is named {@code CompileError}, and
 * its value and traceback are the compiler's messages, each after the cell line it points at.
 */
public final class CompileError extends RuntimeException {
    private final List<String> lines;

    /** The error; its message is {@code lines}, and it has no stack trace of its own (nothing ran). */
    CompileError(List<String> lines) {
        super(String.join("\n", lines), null, false, false);
        this.lines = List.copyOf(lines);
    }

    /** The error of {@code piece} of {@code cell}, from JShell's diagnostics of it. */
    static CompileError of(List<Diag> diagnostics, CellSource.Piece piece, String cell) {
        List<String> lines = new ArrayList<>();
        for (Diag d : diagnostics) {
            if (!d.isError()) {
                continue;
            }
            String message = d.getMessage(Locale.ROOT);
            int line = piece.line(cell, (int) d.getStartPosition());
            String text = cell.lines().skip(line - 1).findFirst().orElse("");
            lines.add("line " + line + ": " + text.strip());
            message.lines().forEach(l -> lines.add("    " + l));
        }
        if (lines.isEmpty()) {
            lines.add("line " + piece.line(cell, 0) + ": rejected: " + piece.source().strip());
        }
        return new CompileError(lines);
    }

    /** A declaration that compiles but uses names that are not declared (yet). */
    static CompileError unresolved(List<String> names, CellSource.Piece piece, String cell) {
        return new CompileError(List.of("line " + piece.line(cell, 0) + ": cannot find symbol: " + String.join(", ", names)
                + " (the declaration is kept: it works once they are declared)"));
    }

    /** The compiler's messages, each with the line of the cell it points at. */
    public List<String> report() {
        return lines;
    }
}
