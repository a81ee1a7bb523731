package org.claimscrubber.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.Shipped;
import org.claimscrubber.domain.Age;
import org.claimscrubber.domain.Claim;
import org.claimscrubber.domain.ClaimLine;
import org.claimscrubber.domain.ClaimLines;
import org.claimscrubber.domain.Diagnosis;
import org.claimscrubber.domain.DocumentedCodes;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.domain.RowFields;
import org.claimscrubber.domain.RunContext;
import org.claimscrubber.domain.Sex;
import org.claimscrubber.files.BundledFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker's session on its own: findings in report order, a failing rule contained to its claim.
 */
class RuleSessionTest {

    @TempDir Path dir;

    private static Claim claim(String id, long order, String... procedures) {
        ClaimLines lines = new ClaimLines(id);
        List<ClaimLine> list = new ArrayList<>();
        for (int i = 0; i < procedures.length; i++) {
            list.add(
                    new ClaimLine(
                            id,
                            order,
                            i + 1,
                            new ClaimLine.Service(LocalDate.of(2026, 11, 2), "", "Aetna", ""),
                            new ClaimLine.Coding(
                                    procedures[i],
                                    List.of(),
                                    1,
                                    List.of(Diagnosis.of("C18.9")),
                                    true),
                            new ClaimLine.Provider("", ""),
                            new ClaimLine.Patient(Sex.UNKNOWN, Age.UNKNOWN, ""),
                            new ClaimLine.Origin("f.csv", i + 2, RowFields.NONE),
                            lines));
        }
        lines.complete(list);
        return new Claim(id, order, list, List.of());
    }

    private List<Object> facts() {
        List<Object> facts = new ArrayList<>(Shipped.facts().engineFacts());
        facts.add(new RunContext(Shipped.TODAY));
        return facts;
    }

    @Test
    void theReferenceDataRulesNameAsGlobalsIsSetInEverySession() throws Exception {
        java.nio.file.Files.writeString(
                dir.resolve("test.drl"),
                """
                package scrubber;
                import org.claimscrubber.domain.ClaimLine;
                global org.claimscrubber.domain.FindingCollector findings;
                global org.claimscrubber.domain.DocumentedCodes documents;
                global org.claimscrubber.domain.RunContext run;
                rule "Documented code after the run's day"
                    @id("T-001") @severity("ERROR") @category("CODE") @description("d")
                when
                    $line : ClaimLine(documents.cover(procedureCode), dateOfService > run.today)
                then
                    findings.line(kcontext, $line, "seen", "test");
                end
                """);
        CompiledRules rules =
                new RuleCompiler().compile(RuleSet.load(BundledFiles.Located.given(dir)));
        List<Object> reference =
                List.of(
                        new DocumentedCodes(List.of("0352T")),
                        new RunContext(LocalDate.of(2026, 11, 1)));
        List<Finding> findings =
                new RuleSession(rules, reference)
                        .evaluate(List.of(claim("C1", 1, "0352T", "99213")))
                        .findings();
        assertThat(findings)
                .singleElement()
                .satisfies(
                        f -> {
                            assertThat(f.procedureCode()).isEqualTo("0352T");
                            assertThat(f.message()).isEqualTo("seen");
                        });
    }

    @Test
    void findingsComeInReportOrderAcrossClaims() {
        RuleSession session = new RuleSession(Shipped.rules(), facts());
        RuleSession.Result result =
                session.evaluate(List.of(claim("B", 2, "0753T", "0753T"), claim("A", 1, "0753T")));
        assertThat(result.findings())
                .extracting(f -> f.claimId() + "/" + f.lineNumber() + "/" + f.ruleId())
                .containsExactly(
                        "A/1/NCCI-AOC-001", "B/1/NCCI-AOC-001", "B/2/DUP-001", "B/2/NCCI-AOC-001");
        assertThat(result.unscrubbed()).isEmpty();
    }

    @Test
    void aRuleThatFailsOnOneClaimMarksOnlyThatClaim() throws Exception {
        Path rules = Shipped.copyRules(dir.resolve("rules"));
        Files.writeString(
                rules.resolve("failing.drl"),
                """
                package scrubber;
                import org.claimscrubber.domain.ClaimLine;
                global org.claimscrubber.domain.FindingCollector findings;
                rule "Fails on 0352T"
                    @id("FAIL-001") @severity("WARNING") @category("CODE") @description("d")
                when
                    $line : ClaimLine(procedureCode == "0352T", procedureCode.substring(10) == "x")
                then
                end
                """);
        CompiledRules compiled =
                new RuleCompiler().compile(RuleSet.load(BundledFiles.Located.given(rules)));
        RuleSession.Result result =
                new RuleSession(compiled, facts())
                        .evaluate(List.of(claim("OK", 1, "99213"), claim("BAD", 2, "0352T")));
        assertThat(result.unscrubbed()).containsExactly(2L);
        assertThat(result.findings())
                .filteredOn(f -> f.claimId().equals("BAD"))
                .extracting(Finding::ruleId)
                .containsExactly("FAIL-001");
        assertThat(result.findings()).filteredOn(f -> f.claimId().equals("OK")).isEmpty();
    }
}
