package org.claimscrubber.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import org.claimscrubber.config.ConfigException;
import org.claimscrubber.domain.ControlChars;
import org.claimscrubber.engine.RulesException;
import org.claimscrubber.facts.FactsException;
import org.claimscrubber.history.HistoryException;
import org.claimscrubber.input.InputFileException;
import org.claimscrubber.report.ToolVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code claim-scrubber} command. */
@Command(
        name = "claim-scrubber",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description =
                "Scrubs claim CSV exports against DRL rules built from CPT reference documents.",
        subcommands = {
            CommandLine.HelpCommand.class,
            RunCommand.class,
            FactsCommand.class,
            RulesCommand.class,
            TestCommand.class,
            CompareCommand.class,
            GenerateCommand.class,
            BenchCommand.class,
            HistoryCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the run completed (findings or not)",
            "1:--fail-on matched (a finding at or above its severity, or with input an unreadable row), or a sample suite failed",
            "2:invalid invocation, rules that do not compile, or facts that do not load",
            "3:an input file that cannot be used",
            "4:a fault in the scrubber itself",
            "5:the report cannot be written (the old report is left as it was)",
            "6:out of memory (the old report is left as it was)"
        })
public final class Main implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Launcher.followLauncher();
        haltOnFatalErrors();
        int code;
        try {
            code =
                    execute(
                            new PrintWriter(System.out, true),
                            new PrintWriter(System.err, true),
                            args);
        } catch (OutOfMemoryError e) {
            System.err.println(fatal(e));
            code = ExitCodes.OUT_OF_MEMORY;
        }
        System.exit(code);
    }

    /**
     * Any thread that dies of an Error (out of memory above all) ends the run at once with its own
     * exit code and one sentence; waiting for it would hang the nightly batch. The Spark job
     * installs the same.
     */
    public static void haltOnFatalErrors() {
        Thread.setDefaultUncaughtExceptionHandler(
                (thread, failure) -> {
                    if (failure instanceof Error error) {
                        System.err.println(fatal(error));
                        System.err.flush();
                        Runtime.getRuntime()
                                .halt(
                                        error instanceof OutOfMemoryError
                                                ? ExitCodes.OUT_OF_MEMORY
                                                : ExitCodes.INTERNAL);
                    }
                });
    }

    static String fatal(Error error) {
        return error instanceof OutOfMemoryError
                ? "error: claim-scrubber ran out of memory; no report was written (the old one is unchanged). Give it more"
                        + " heap (java -Xmx...) or split the export by claim id."
                : "error: claim-scrubber stopped on a fatal error ("
                        + error.getClass().getSimpleName()
                        + "); no report was written (the old one is unchanged)";
    }

    /** Runs a command line with the given output streams; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(new Main(), out, err, args);
    }

    /**
     * Runs a command object (this tool's, or another entry point's such as the Spark job) with the
     * same output streams, the same handling of user errors and the same exit codes.
     */
    public static int execute(Object command, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(Main::handle);
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /**
     * User errors are one clear message and an exit code; only a fault in the scrubber shows a
     * stack trace.
     */
    public static int handle(
            Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err =
                new PrintWriter(
                        new Writer() {
                            // Messages quote header names and file names from the input: escape
                            // control characters.
                            private final PrintWriter target = commandLine.getErr();

                            @Override
                            public void write(char[] buffer, int offset, int length) {
                                String text = new String(buffer, offset, length);
                                target.write(ControlChars.escapeKeepingLines(text));
                            }

                            @Override
                            public void flush() {
                                target.flush();
                            }

                            @Override
                            public void close() {
                                target.flush();
                            }
                        },
                        true);
        if (e instanceof ConfigException config) {
            err.println("error: " + config.getMessage());
            err.println("no findings were written: fix the config file and run again");
            return ExitCodes.USAGE;
        }
        if (e instanceof RulesException rules) {
            err.println(
                    rules.diagnostics().isEmpty()
                            ? "error: " + rules.getMessage()
                            : rules.getMessage());
            err.println("no findings were written: fix the rules and run again");
            return ExitCodes.USAGE;
        }
        if (e instanceof HistoryException history) {
            err.println("error: " + history.getMessage());
            err.println("no findings were written, and the history is as it was");
            return ExitCodes.USAGE;
        }
        if (e instanceof FactsException) {
            err.println("error: " + e.getMessage());
            err.println("no findings were written");
            return ExitCodes.USAGE;
        }
        if (e instanceof InputFileException) {
            err.println("error: " + e.getMessage());
            err.println("no findings were written");
            return ExitCodes.INPUT;
        }
        if (e instanceof IOException io) {
            err.println("error: the report cannot be written: " + Main.describe(io));
            err.println("no report was written; the previous report, if any, is unchanged");
            return ExitCodes.OUTPUT;
        }
        if (ranOutOfMemory(e)) {
            err.println(fatal(new OutOfMemoryError()));
            return ExitCodes.OUT_OF_MEMORY;
        }
        if (e.getMessage() != null && e.getMessage().startsWith("[INVALID_DRIVER_MEMORY]")) {
            // Spark refuses a heap below about 450 MB before the job starts: a setting to change,
            // not a fault
            err.println(
                    "error: "
                            + e.getMessage().lines().findFirst().orElse("")
                            + " (give the job more heap:"
                            + " spark-submit --driver-memory 1g, or java -Xmx1g in local mode)");
            err.println("no findings were written");
            return ExitCodes.USAGE;
        }
        err.println("internal error in claim-scrubber (please report it):");
        e.printStackTrace(err);
        return ExitCodes.INTERNAL;
    }

    /**
     * Whether the failure is, at its root, an out-of-memory error: caught in this thread, or a
     * Spark task's, which reaches the driver wrapped in the job's failure (as a cause, or named in
     * its message when the executor was another JVM). The same exit code and sentence as {@code
     * run}'s.
     */
    static boolean ranOutOfMemory(Throwable failure) {
        for (Throwable cause = failure;
                cause != null;
                cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OutOfMemoryError
                    || cause.getMessage() != null
                            && cause.getMessage().contains("java.lang.OutOfMemoryError")) {
                return true;
            }
        }
        return false;
    }

    /** An output failure in words: which file, and why (not the exception's class). */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied for " + denied.getFile();
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " exists and is not a folder";
        }
        if (e instanceof NotDirectoryException notFolder) {
            return notFolder.getFile() + " is not a folder";
        }
        if (e instanceof FileSystemException fs) {
            return fs.getFile() + (fs.getReason() == null ? "" : ": " + fs.getReason());
        }
        return e.getMessage() == null ? "a write failed" : e.getMessage();
    }

    /** Prints the version recorded at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {ToolVersion.NAME + " " + ToolVersion.version()};
        }
    }
}
