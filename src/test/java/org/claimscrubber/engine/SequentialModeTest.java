package org.claimscrubber.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.claimscrubber.Shipped;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.files.BundledFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rules that only report run in Drools' sequential mode (stateless sessions, each match fired
 * once); a rule set in which any rule may change a fact runs on the full engine. Both must give the
 * same findings.
 */
class SequentialModeTest {

    @TempDir Path dir;

    /** A rule that reports nothing and never fires, but whose consequence reaches the session. */
    private static final String REACHES_THE_SESSION =
            """
            package scrubber;
            import org.claimscrubber.domain.ClaimLine;
            global org.claimscrubber.domain.FindingCollector findings;
            rule "Never fires, reaches the session"
                @id("TEST-001") @severity("INFO") @category("CODE")
                @description("test only") @source("test")
            when
                $line : ClaimLine(procedureCode == "NO-SUCH-CODE")
            then
                drools.getRule();
            end
            """;

    @Test
    void theShippedRulesOnlyReportSoTheyRunSequentially() {
        assertThat(Shipped.rules().sequential()).isTrue();
    }

    @Test
    void aRuleThatReachesTheSessionTurnsSequentialModeOff() throws Exception {
        Path rules = Shipped.copyRules(dir.resolve("rules"));
        Files.writeString(rules.resolve("test.drl"), REACHES_THE_SESSION);

        CompiledRules compiled = new RuleCompiler().compile(RuleSet.load(given(rules)));

        assertThat(compiled.sequential()).isFalse();
    }

    @Test
    void bothModesGiveTheSameFindingsOnEverySampleExport() throws Exception {
        Path rules = Shipped.copyRules(dir.resolve("rules"));
        Files.writeString(rules.resolve("test.drl"), REACHES_THE_SESSION);
        CompiledRules fullEngine = new RuleCompiler().compile(RuleSet.load(given(rules)));
        List<Path> exports;
        try (Stream<Path> files = Files.walk(Path.of("samples"))) {
            exports =
                    files.filter(file -> file.getFileName().toString().matches("claims.*\\.csv"))
                            .sorted()
                            .toList();
        }
        assertThat(exports).hasSizeGreaterThan(20);

        long findings = 0;
        for (Path export : exports) {
            List<String> sequential = lines(Shipped.scrub(Shipped.rules(), export));
            List<String> full = lines(Shipped.scrub(fullEngine, export));
            assertThat(sequential).as(export.toString()).isEqualTo(full);
            findings += full.size();
        }
        assertThat(findings).isGreaterThan(100);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "modify($line) { setUnits(2) }",
                "modify ($line) { setUnits(2) }",
                "insert(new Object());",
                "insertLogical(new Object());",
                "update($line);",
                "delete($line);",
                "retract($line);",
                "drools.halt();",
                "kcontext.getKieRuntime().insert(new Object());",
                "findings.line(kcontext, $line, \"x\"); // then update($line) by hand"
            })
    void aConsequenceThatMayChangeFactsIsSeen(String consequence) {
        assertThat(DeclarationReader.changesFacts(consequence)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "findings.line(kcontext, $line, \"units \" + $line.units());",
                "findings.claim(kcontext, $first, MessagePhrases.either($expected), $limit);",
                "findings.input(kcontext, $problem);",
                "history.update($line);",
                "String inserted = \"x\"; findings.line(kcontext, $line, inserted);"
            })
    void aConsequenceThatOnlyReportsIsNotMistakenForOne(String consequence) {
        assertThat(DeclarationReader.changesFacts(consequence)).isFalse();
    }

    private static List<String> lines(List<Finding> findings) {
        return findings.stream().map(Finding::toString).toList();
    }

    private static BundledFiles.Located given(Path rules) {
        return BundledFiles.Located.given(rules);
    }
}
