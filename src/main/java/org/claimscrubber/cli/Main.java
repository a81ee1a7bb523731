package org.claimscrubber.cli;

import java.io.PrintWriter;
import org.claimscrubber.claims.InputFileException;
import org.claimscrubber.engine.RulesException;
import org.claimscrubber.facts.FactsException;
import org.claimscrubber.report.ToolVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code claim-scrubber} command. */
@Command(name = "claim-scrubber", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Scrubs claim CSV exports against DRL rules built from CPT reference documents.",
        subcommands = {RunCommand.class, FactsCommand.class, RulesCommand.class, TestCommand.class,
            GenerateCommand.class, BenchCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run completed (findings or not)",
            "1:--fail-on matched a finding, or a sample suite failed",
            "2:invalid invocation, rules that do not compile, or facts that do not load",
            "3:an input file that cannot be used",
            "4:a fault in the scrubber itself"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs a command line with the given output streams; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main());
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

    /** User errors are one clear message and an exit code; only a fault in the scrubber shows a stack trace. */
    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof RulesException rules) {
            err.println(rules.diagnostics().isEmpty() ? "error: " + rules.getMessage() : rules.getMessage());
            err.println("no findings were written: fix the rules and run again");
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
        err.println("internal error in claim-scrubber (please report it):");
        e.printStackTrace(err);
        return ExitCodes.INTERNAL;
    }

    /** Prints the version recorded at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {ToolVersion.NAME + " " + ToolVersion.version()};
        }
    }
}
