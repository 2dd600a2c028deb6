package org.nf4j.cli;

import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import org.nf4j.logging.LineDropFilter;
import org.nf4j.runtime.BackendUnavailableException;
import org.nf4j.runtime.StartupErrors;
import org.nf4j.spark.SweepFailedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code nf4j} command line. */
@Command(name = "nf4j", mixinStandardHelpOptions = true, version = "nf4j 0.1.0 (Deeplearning4j 1.0.0-M2.1)",
        description = "Normalizing flows on SameDiff: Rezende and Mohamed (2015) reproduced on the JVM.",
        subcommands = {TrainCommand.class, EvalCommand.class, Table2Command.class, BenchCommand.class, ToyCommand.class, ToyGridCommand.class,
            DataCommand.class, NotebookCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        String encoding = System.getProperty("sun.stdout.encoding");
        Charset charset = encoding != null ? Charset.forName(encoding) : Charset.defaultCharset();
        System.setOut(LineDropFilter.of(System.out, LineDropFilter.SAMEDIFF_GRADIENT_CHATTER, charset));
        int code = commandLine().execute(withDefaultCommand(args));
        System.out.flush();
        System.exit(code);
    }

    /** {@code train} is the default command: arguments that start with an option other than help/version train. */
    static String[] withDefaultCommand(String[] args) {
        if (args.length == 0 || !args[0].startsWith("-") || java.util.List.of("-h", "--help", "-V", "--version").contains(args[0])) {
            return args;
        }
        String[] out = new String[args.length + 1];
        out[0] = "train";
        System.arraycopy(args, 0, out, 1, args.length);
        return out;
    }

    /**
     * The command line with nf4j's error handling: bad input gives one line and exit code 2; a run
     * that fails (its loss diverged, a damaged checkpoint) one line and exit code 1.
     */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            int code = exitCode(ex);
            if (code == 0) {
                throw ex;
            }
            line.getErr().println("nf4j: " + StartupErrors.messageFor(ex));
            return code;
        });
        return cl;
    }

    /**
     * 1 for a run that failed (its loss diverged; a file it needs is damaged or unreadable; a sweep's
     * Spark master or executors are gone), 2 for
     * bad input (a value out of range, an unknown name, a missing backend or data), 0 for anything
     * else, which is a bug and keeps its stack trace. A sweep whose cell failed on every attempt
     * exits as that cell's failure would.
     */
    static int exitCode(Exception ex) {
        if (ex instanceof SweepFailedException sweep) {
            // a cell that failed on every attempt: its own reason decides (a bug keeps its stack trace)
            return sweep.cellCause() instanceof Exception cell ? exitCode(cell) : StartupErrors.EXIT_FAILURE;
        }
        if (ex instanceof org.nf4j.train.TrainingDivergedException || ex instanceof java.io.IOException) {
            return StartupErrors.EXIT_FAILURE;
        }
        if (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException
                || ex instanceof BackendUnavailableException || ex instanceof org.nf4j.data.MnistDataException) {
            return 2;
        }
        return 0;
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }
}
