package org.claimscrubber.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.claimscrubber.facts.Audit;
import org.claimscrubber.facts.AuditReport;
import org.claimscrubber.facts.FactBase;
import org.claimscrubber.facts.FactListing;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code facts}: print the facts read from the seed documents, as the rules see them. */
@Command(
        name = "facts",
        mixinStandardHelpOptions = true,
        description = "Print the facts read from the seed documents, with where each was read.")
final class FactsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON instead of text")
    boolean json;

    @Option(
            names = "--audit",
            description =
                    "Report where the seeds contradict each other or the official facts,"
                            + " where they are cut off or incomplete, and advice that contradicts coding rules")
    boolean audit;

    @Option(
            names = "--strict",
            description = "With --audit: exit 1 when anything is found (for CI)")
    boolean strict;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            converter = DateOption.class,
            description = "With --audit: judge 'not yet effective' on this day")
    LocalDate asOf;

    @Mixin SharedOptions shared;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        FactBase facts = shared.loadFacts();
        if (!audit) {
            spec.commandLine()
                    .getOut()
                    .print(json ? FactListing.json(facts) : FactListing.text(facts));
            return ExitCodes.OK;
        }
        List<Audit.Item> items = Audit.of(facts, asOf == null ? LocalDate.now() : asOf);
        spec.commandLine()
                .getOut()
                .print(json ? AuditReport.json(facts, items) : AuditReport.text(facts, items));
        return strict && !items.isEmpty() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
