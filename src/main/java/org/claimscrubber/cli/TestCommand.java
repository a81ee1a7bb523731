package org.claimscrubber.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.claimscrubber.engine.CompiledRules;
import org.claimscrubber.facts.FactBase;
import org.claimscrubber.samples.Coverage;
import org.claimscrubber.samples.SampleException;
import org.claimscrubber.samples.SampleSuite;
import org.claimscrubber.samples.SuiteReport;
import org.claimscrubber.samples.SuiteResult;
import org.claimscrubber.samples.SuiteRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code test}: run sample-claim suites against the rules. */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        description =
                "Run sample-claim suites (folders with claims.csv and expected.csv) against the rules.")
final class TestCommand implements Callable<Integer> {

    @Parameters(
            arity = "0..*",
            paramLabel = "SAMPLES",
            description = "Suite folders, or folders holding suites (default: samples)")
    List<Path> roots;

    @Option(
            names = {"-v", "--verbose"},
            description = "Also list the cases that pass")
    boolean verbose;

    @Option(
            names = "--coverage",
            description = "Also list rules no sample fires and seed facts no rule reads")
    boolean coverage;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            converter = DateOption.class,
            description = "Check dates of service against this day instead of today")
    LocalDate asOf;

    @Mixin SharedOptions shared;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CompiledRules rules = shared.compileRules();
        List<SampleSuite> suites = new ArrayList<>();
        for (Path root : roots == null ? List.of(Path.of("samples")) : roots) {
            if (!Files.isDirectory(root)) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), root + ": no such folder");
            }
            suites.addAll(SampleSuite.find(root));
        }
        if (suites.isEmpty()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "no suites found (a suite is a folder holding claims.csv and expected.csv)");
        }
        SuiteRunner runner =
                new SuiteRunner(
                        rules,
                        shared.seedsDirectory(),
                        shared.reference,
                        asOf == null ? LocalDate.now() : asOf);
        long cases = 0;
        long failed = 0;
        List<SuiteResult> results = new ArrayList<>();
        for (SampleSuite suite : suites) {
            SuiteResult result;
            try {
                result = runner.run(suite);
            } catch (SampleException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            results.add(result);
            SuiteReport.print(result, verbose, out);
            cases += result.cases().size();
            failed += result.failures();
        }
        out.printf(
                "%d suite%s, %d cases: %d passed, %d failed%n",
                suites.size(), suites.size() == 1 ? "" : "s", cases, cases - failed, failed);
        if (coverage) {
            FactBase facts = shared.loadFacts();
            Coverage.of(rules, facts, results).print(out);
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
