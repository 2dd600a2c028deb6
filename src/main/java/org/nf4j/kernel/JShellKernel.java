package org.nf4j.kernel;

import java.awt.image.RenderedImage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.nf4j.logging.LineDropFilter;
import org.nf4j.notebook.Markdown;

/**
 * A Jupyter kernel for Java: each cell is cut into JShell snippets that run, one after the other, in
 * this JVM on the kernel's class path. The value of a cell is the value of its last snippet if that
 * is an expression typed without a final semicolon (as in IJava: {@code x + 1} shows its value,
 * {@code System.out.printf(...);} does not), shown by its type (a {@code BufferedImage} as a PNG, a
 * {@link Markdown} as Markdown, anything
 * else as its {@code toString()});
 * what the cell prints is its output; a snippet that does not compile or throws stops the cell, which
 * then fails with the compiler's message ({@link CompileError}) or with the exception the code threw
 * (an {@link Error} as a {@link CellError}).
 */
public final class JShellKernel extends BaseKernel {
    /** The kernel's name and version in Jupyter's kernel_info. */
    public static final String NAME = "nf4j";
    public static final String VERSION = "0.1.0";

    private final CapturingExecutionControl control = new CapturingExecutionControl();
    private final JShell shell;
    private final SourceCodeAnalysis analysis;

    /**
     * @param classPath what the cells compile and run against (the kernel JVM must load the same
     *                  classes: cells run in it)
     * @param startup   snippets run once before the first cell (imports)
     */
    public JShellKernel(String classPath, List<String> startup) {
        super(NAME, VERSION, new LanguageInfo.Builder("Java").version(Runtime.version().feature() + "")
                        .mimetype("text/x-java-source").fileExtension(".jshell").pygments("java").codemirror("text/x-java")
                        .build(),
                List.of(new HelpLink("JShell", "https://docs.oracle.com/en/java/javase/17/jshell/")), null,
                new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(), null, null, false,
                new StringStyler.Builder().build());
        shell = JShell.builder().executionEngine(control.provider(), null).build();
        if (!classPath.isEmpty()) {
            shell.addToClasspath(classPath);
        }
        analysis = shell.sourceCodeAnalysis();
        // a picture's plain-text form is its size (jjava adds the PNG); Markdown shows as such
        renderer.createRegistration(RenderedImage.class).preferring(MIMEType.TEXT_PLAIN)
                .register((image, context) -> context.renderIfRequested(MIMEType.TEXT_PLAIN,
                        () -> "image " + image.getWidth() + " x " + image.getHeight()));
        renderer.createRegistration(Markdown.class).preferring(MIMEType.TEXT_MARKDOWN).supporting(MIMEType.TEXT_PLAIN)
                .register((md, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_MARKDOWN, md::text);
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, md::text);
                });
        for (String s : startup) {
            evalRaw(s);
        }
    }

    @Override
    public Object evalRaw(String cell) {
        Object value = null;
        try {
            for (CellSource.Piece piece : CellSource.split(analysis, cell)) {
                value = run(piece, cell);
            }
        } finally {
            System.out.flush();
            System.err.flush();
        }
        return value;
    }

    /** Runs one snippet; its value if it is an expression, else null. */
    private Object run(CellSource.Piece piece, String cell) {
        control.reset();
        Object value = null;
        for (SnippetEvent e : shell.eval(piece.source())) {
            if (e.causeSnippet() != null) {
                continue; // a declaration that depends on this one was updated
            }
            Snippet s = e.snippet();
            if (e.status() == Snippet.Status.REJECTED) {
                throw CompileError.of(shell.diagnostics(s).toList(), piece, cell);
            }
            boolean recoverable = e.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED;
            if (recoverable && s instanceof DeclarationSnippet d) {
                throw CompileError.unresolved(shell.unresolvedDependencies(d).toList(), piece, cell);
            }
            if (e.exception() != null) {
                throw failure(e.exception(), piece, cell);
            }
            value = piece.showValue() && isExpression(s) ? control.value() : null;
        }
        return value;
    }

    private static boolean isExpression(Snippet s) {
        return s.kind() == Snippet.Kind.EXPRESSION && s.subKind() != Snippet.SubKind.ASSIGNMENT_SUBKIND
                || s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    /** The exception a cell fails with: what its code threw, as itself. */
    private RuntimeException failure(JShellException e, CellSource.Piece piece, String cell) {
        if (e instanceof UnresolvedReferenceException u) {
            return CompileError.unresolved(shell.unresolvedDependencies(u.getSnippet()).toList(), piece, cell);
        }
        Throwable thrown = control.thrown();
        if (thrown != null) {
            CellTraces.cutAtCellCode(thrown);
        }
        if (thrown instanceof Error error) {
            return new CellError(error);
        }
        if (thrown == null) {
            String name = e instanceof EvalException ev ? ev.getExceptionClassName() : e.getClass().getName();
            return new IllegalStateException(name + ": " + e.getMessage());
        }
        return rethrow(thrown);
    }

    /**
     * Throws {@code t} as it is, checked or not, so that Jupyter's error names the exception the
     * cell's code threw (jjava names an error after the class of the exception the kernel throws).
     */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException rethrow(Throwable t) throws T {
        throw (T) t;
    }

    /** A compile error as the compiler's messages; anything else as its stack trace. */
    @Override
    public List<String> formatError(Throwable e) {
        return CellTraces.lines(e);
    }

    @Override
    protected void replaceOutputStreams(ShellReplyEnvironment env) {
        super.replaceOutputStreams(env);
        System.setOut(LineDropFilter.of(System.out, LineDropFilter.SAMEDIFF_GRADIENT_CHATTER, StandardCharsets.UTF_8));
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        int start = CellSource.startOfSnippetAt(analysis, code, at);
        int[] anchor = new int[1];
        List<String> options = analysis.completionSuggestions(code.substring(start, at), at - start, anchor).stream()
                .map(SourceCodeAnalysis.Suggestion::continuation).distinct().toList();
        return new ReplacementOptions(options, start + anchor[0], at);
    }

    @Override
    public String isComplete(String code) {
        Completeness c = CellSource.completeness(analysis, code);
        return switch (c) {
            case COMPLETE, COMPLETE_WITH_SEMI, EMPTY -> IS_COMPLETE_YES;
            case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> "";
            case UNKNOWN -> IS_COMPLETE_BAD;
        };
    }

    /**
     * The signatures (and, for more detail, the Javadoc) of the method whose arguments the cursor is
     * in, or whose name it ends ({@code Math.max|(3, 4)}, as JShell answers only inside the brackets).
     */
    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        int start = CellSource.startOfSnippetAt(analysis, code, at);
        String snippet = code.substring(start);
        int cursor = at - start;
        List<SourceCodeAnalysis.Documentation> found = analysis.documentation(snippet, cursor, extraDetail);
        if (found.isEmpty() && cursor < snippet.length() && snippet.charAt(cursor) == '(') {
            found = analysis.documentation(snippet, cursor + 1, extraDetail);
        }
        List<String> docs = found.stream()
                .map(d -> extraDetail && d.javadoc() != null ? d.signature() + "\n\n" + d.javadoc() : d.signature()).toList();
        return docs.isEmpty() ? null : new DisplayData(String.join("\n\n", docs));
    }

    /** Interrupts the thread of the running cell: waits and sleeps end with an InterruptedException, loops that never check run on. */
    @Override
    public void interrupt() {
        control.interrupt();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        super.onShutdown(isRestarting);
        shell.close();
    }
}
