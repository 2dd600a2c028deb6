package org.nf4j.kernel;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * A cell's text cut into JShell snippets (one declaration, statement or expression each), with
 * where each starts in the cell, by JShell's own {@link SourceCodeAnalysis#analyzeCompletion}.
 */
final class CellSource {
    private CellSource() {
    }

    /**
     * One snippet of a cell.
     *
     * @param source    the snippet as JShell takes it (a missing final semicolon added)
     * @param start     where its text starts in the cell (after leading white space)
     * @param showValue whether an expression here shows its value: it was typed without a final
     *                  semicolon ({@code x + 1} shows, {@code list.add(x);} does not)
     */
    record Piece(String source, int start, boolean showValue) {
        /** The 1-based line of the cell that {@code offset} (into {@code source}) falls on. */
        int line(String cell, int offset) {
            int at = Math.min(cell.length(), start + Math.max(0, offset));
            return (int) cell.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        }
    }

    /**
     * The snippets of {@code cell}, in order. Text that is not a complete snippet (a missing brace) or
     * that the analysis cannot cut (a syntax error) ends the list as one piece, for JShell to reject
     * with its diagnostics.
     */
    static List<Piece> split(SourceCodeAnalysis analysis, String cell) {
        List<Piece> pieces = new ArrayList<>();
        int offset = 0;
        while (offset < cell.length()) {
            String rest = cell.substring(offset);
            CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            int start = offset + leadingSpace(rest);
            if (c == Completeness.EMPTY) {
                break;
            }
            int consumed = rest.length() - info.remaining().length();
            if (!c.isComplete() || info.source() == null || consumed <= 0) {
                pieces.add(new Piece(rest.strip(), start, false));
                break;
            }
            boolean typedSemicolon = c != Completeness.COMPLETE_WITH_SEMI && info.source().strip().endsWith(";");
            pieces.add(new Piece(info.source(), start, !typedSemicolon));
            offset += consumed;
        }
        return pieces;
    }

    /** Where the snippet that the cursor at {@code at} is in begins: after the last complete snippet before it. */
    static int startOfSnippetAt(SourceCodeAnalysis analysis, String cell, int at) {
        String before = cell.substring(0, Math.min(at, cell.length()));
        int offset = 0;
        while (offset < before.length()) {
            CompletionInfo info = analysis.analyzeCompletion(before.substring(offset));
            // nothing remains: the cursor is in (at the end of) this snippet, e.g. "word.subs", complete as it is
            if (!info.completeness().isComplete() || info.remaining().isEmpty()) {
                break;
            }
            offset = before.length() - info.remaining().length();
        }
        return offset + leadingSpace(before.substring(offset));
    }

    /**
     * How complete the cell is: the completeness of its last snippet, or {@link Completeness#EMPTY}
     * for a blank cell; {@link Completeness#UNKNOWN} as soon as any snippet cannot be parsed.
     */
    static Completeness completeness(SourceCodeAnalysis analysis, String cell) {
        Completeness last = Completeness.EMPTY;
        String rest = cell;
        while (!rest.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            last = info.completeness();
            if (!last.isComplete() || info.remaining().length() == rest.length()) {
                break;
            }
            rest = info.remaining();
        }
        return last;
    }

    private static int leadingSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
