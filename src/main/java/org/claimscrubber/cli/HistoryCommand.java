package org.claimscrubber.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.claimscrubber.history.HistoryException;
import org.claimscrubber.history.RecordedNights;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code history nights} and {@code history forget}: what a claim history holds, and undoing a
 * night.
 */
@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = "List the nights a claim history holds, or forget one recorded by mistake.",
        subcommands = {HistoryCommand.Nights.class, HistoryCommand.Forget.class})
final class HistoryCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "say 'history nights' or 'history forget'");
    }

    /** The history a subcommand reads: the same LOCATION as {@code run --history}. */
    static final class Location {
        @Option(
                names = "--history",
                paramLabel = "LOCATION",
                required = true,
                description =
                        "The claim history: a SQLite file or a JDBC URL, as given to run --history")
        String history;
    }

    /** {@code history nights}: one line a run, oldest first. */
    @Command(
            name = "nights",
            mixinStandardHelpOptions = true,
            description =
                    "List the runs the history holds, oldest first: run date, when it started, lines,"
                            + " claims, held claims and run id.")
    static final class Nights implements Callable<Integer> {
        @CommandLine.Mixin Location location;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                List<RecordedNights.Night> nights = RecordedNights.list(location.history);
                out.printf(
                        "%-10s  %-24s  %12s  %10s  %8s  %s%n",
                        "run date", "started", "lines", "claims", "held", "run id");
                for (RecordedNights.Night night : nights) {
                    out.printf(
                            "%-10s  %-24s  %,12d  %,10d  %,8d  %s%n",
                            night.runDate(),
                            night.started(),
                            night.lines(),
                            night.claims(),
                            night.held(),
                            night.runId());
                }
                out.println(nights.size() + " night" + (nights.size() == 1 ? "" : "s"));
                return ExitCodes.OK;
            } catch (HistoryException e) {
                return refused(spec, e);
            }
        }
    }

    /**
     * {@code history forget RUN_ID}: the night's lines, keys and run removed in one transaction.
     */
    @Command(
            name = "forget",
            mixinStandardHelpOptions = true,
            description =
                    "Remove one run's night from the history (a test export or a wrong file recorded by"
                            + " mistake), so later runs no longer check against it. 'history nights' lists"
                            + " the run ids.")
    static final class Forget implements Callable<Integer> {
        @CommandLine.Mixin Location location;

        @Parameters(
                paramLabel = "RUN_ID",
                description = "The run to forget, as 'history nights' lists it")
        String runId;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try {
                RecordedNights.Night night = RecordedNights.forget(location.history, runId);
                spec.commandLine()
                        .getOut()
                        .printf(
                                "forgot run %s: the night of %s, %,d lines; later runs no longer check"
                                        + " against it%n",
                                night.runId(), night.runDate(), night.lines());
                return ExitCodes.OK;
            } catch (HistoryException e) {
                return refused(spec, e);
            }
        }
    }

    private static int refused(CommandLine.Model.CommandSpec spec, HistoryException e) {
        spec.commandLine().getErr().println("error: " + e.getMessage());
        return ExitCodes.USAGE;
    }
}
