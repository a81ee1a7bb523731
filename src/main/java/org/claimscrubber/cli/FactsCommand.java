package org.claimscrubber.cli;

import java.util.concurrent.Callable;
import org.claimscrubber.facts.FactBase;
import org.claimscrubber.facts.FactListing;
import org.claimscrubber.facts.FactLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code facts}: print the facts read from the seed documents, as the rules see them. */
@Command(name = "facts", mixinStandardHelpOptions = true,
        description = "Print the facts read from the seed documents, with where each was read.")
final class FactsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON instead of text")
    boolean json;

    @Mixin
    SharedOptions shared;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        FactBase facts = shared.loadFacts();
        spec.commandLine().getOut().print(json ? FactListing.json(facts) : FactListing.text(facts));
        return ExitCodes.OK;
    }
}
