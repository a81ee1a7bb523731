package org.claimscrubber.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.claimscrubber.engine.CompiledRules;
import org.claimscrubber.engine.RuleCompiler;
import org.claimscrubber.engine.RuleMetadata;
import org.claimscrubber.engine.RuleSet;
import org.claimscrubber.engine.RulesException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code rules check} and {@code rules list}. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Check or list the DRL rules.",
        subcommands = {RulesCommand.Check.class, RulesCommand.ListRules.class})
final class RulesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say 'rules check' or 'rules list'");
    }

    /** {@code rules check}: compile exactly as {@code run} does and report every problem. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Compile the rules as run does; print each problem as FILE:LINE:COLUMN: message.")
    static final class Check implements Callable<Integer> {
        @Mixin
        Locations locations;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                RuleSet rules = RuleSet.load(locations.rules());
                CompiledRules compiled = new RuleCompiler().compile(rules);
                out.printf("ok: %d rules in %d files (%s)%n", compiled.catalogue().size(), rules.files().size(),
                        rules.label());
                return ExitCodes.OK;
            } catch (RulesException e) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(e.diagnostics().isEmpty() ? "error: " + e.getMessage() : e.getMessage());
                err.printf("%d problem%s%n", Math.max(1, e.diagnostics().size()), e.diagnostics().size() == 1 ? "" : "s");
                return ExitCodes.USAGE;
            }
        }
    }

    /** {@code rules list}: the rule catalogue from the metadata. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the rules: id, severity, category, description.")
    static final class ListRules implements Callable<Integer> {
        @Mixin
        Locations locations;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            CompiledRules compiled = new RuleCompiler().compile(RuleSet.load(locations.rules()));
            PrintWriter out = spec.commandLine().getOut();
            for (RuleMetadata rule : compiled.catalogue()) {
                out.printf("%-10s %-8s %-18s %s%n", rule.id(), rule.severity(), rule.category(), rule.description());
            }
            return ExitCodes.OK;
        }
    }
}
