package org.claimscrubber.cli;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.claimscrubber.config.ConfigException;
import org.claimscrubber.domain.Suppression;
import org.claimscrubber.engine.CompiledRules;
import org.claimscrubber.engine.RuleCatalogue;
import org.claimscrubber.engine.RuleCompiler;
import org.claimscrubber.engine.RuleSet;
import org.claimscrubber.engine.RulesException;
import org.claimscrubber.facts.FactBase;
import org.claimscrubber.report.SpreadsheetSafe;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rules check} and {@code rules list}. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        description = "Check or list the DRL rules.",
        subcommands = {
            RulesCommand.Check.class,
            RulesCommand.ListRules.class,
            RulesCommand.Show.class
        })
final class RulesCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "say 'rules check', 'rules list' or 'rules show'");
    }

    /** {@code rules check}: compile exactly as {@code run} does and report every problem. */
    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description =
                    "Compile the rules as run does; print each problem as FILE:LINE:COLUMN: message.")
    static final class Check implements Callable<Integer> {
        @Mixin SharedOptions shared;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                RuleSet rules = RuleSet.load(shared.rulesDirectory());
                CompiledRules compiled = new RuleCompiler().compile(rules, shared.config());
                out.printf(
                        "ok: %d rules in %d files (%s)%n",
                        compiled.catalogue().size(), rules.files().size(), rules.label());
                LocalDate today = LocalDate.now();
                for (Suppression suppression : compiled.config().suppressions()) {
                    if (suppression.expiredOn(today)) {
                        out.printf(
                                "WARNING: %s: the suppression of %s expired on %s and accepts nothing; renew or"
                                        + " remove it%n",
                                suppression.where(), suppression.ruleId(), suppression.expires());
                    }
                }
                if (!compiled.config().suppressions().isEmpty()) {
                    out.printf("suppressions: %d rows%n", compiled.config().suppressions().size());
                }
                return ExitCodes.OK;
            } catch (ConfigException e) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("error: " + e.getMessage());
                err.println("1 problem");
                return ExitCodes.USAGE;
            } catch (RulesException e) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(
                        e.diagnostics().isEmpty() ? "error: " + e.getMessage() : e.getMessage());
                err.printf(
                        "%d problem%s%n",
                        Math.max(1, e.diagnostics().size()),
                        e.diagnostics().size() == 1 ? "" : "s");
                return ExitCodes.USAGE;
            }
        }
    }

    /** {@code rules list}: the rule catalogue from the metadata. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description =
                    "List the rules: id, severity, category, description, payer scope, seed documents read.")
    static final class ListRules implements Callable<Integer> {
        enum Format {
            text,
            markdown,
            csv
        }

        @Option(
                names = "--format",
                paramLabel = "FORMAT",
                defaultValue = "text",
                description = "text, markdown or csv (default: ${DEFAULT-VALUE})")
        Format format;

        @Mixin SharedOptions shared;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            FactBase facts = shared.loadFacts();
            // with the config's switches, so the severities listed are the ones a run with this
            // config gives
            CompiledRules compiled =
                    new RuleCompiler()
                            .compile(RuleSet.load(shared.rulesDirectory()), shared.config());
            List<RuleCatalogue.Entry> entries = RuleCatalogue.of(compiled, facts, shared.config());
            PrintWriter out = spec.commandLine().getOut();
            switch (format) {
                case markdown -> out.print(RuleCatalogue.markdown(entries, facts));
                case csv -> {
                    ICSVWriter csv = new CSVWriterBuilder(out).withLineEnd("\n").build();
                    RuleCatalogue.csvRows(entries)
                            .forEach(row -> csv.writeNext(SpreadsheetSafe.row(row), false));
                    csv.flush();
                }
                default -> out.print(RuleCatalogue.text(entries, facts));
            }
            return ExitCodes.OK;
        }
    }

    /**
     * {@code rules show TABLE}: the DRL a payer policy table becomes, for a reviewer to read row by
     * row.
     */
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description =
                    "Print the DRL a payer policy table (*.policies.csv) becomes, one rule per row.")
    static final class Show implements Callable<Integer> {
        @CommandLine.Parameters(paramLabel = "TABLE", description = "a *.policies.csv file")
        Path table;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try {
                spec.commandLine().getOut().print(RuleSet.policyDrl(table));
                return ExitCodes.OK;
            } catch (RulesException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return ExitCodes.USAGE;
            }
        }
    }
}
