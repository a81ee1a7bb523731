package org.claimscrubber.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimscrubber.ExportBuilder;
import org.claimscrubber.Shipped;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.files.BundledFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Payer policy tables: a row is a rule, and a wrong cell names its file, row and column. */
class PolicyTableTest {

    private static final String HEADER = String.join(",", PolicyTable.COLUMNS) + "\n";
    private static final Path EXAMPLE = Path.of("samples/policies/rules/example.policies.csv");

    @TempDir Path dir;

    private CompiledRules withTable(String table) throws Exception {
        Path rules = Shipped.copyRules(dir.resolve("rules"));
        Files.writeString(rules.resolve("payer.policies.csv"), table);
        return new RuleCompiler().compile(RuleSet.load(BundledFiles.Located.given(rules)));
    }

    @Test
    void eachRowBecomesARuleThatRunsAndIsListedLikeAnyOther() throws Exception {
        CompiledRules rules = withTable(Files.readString(EXAMPLE));
        assertThat(rules.catalogue())
                .extracting(RuleMetadata::id)
                .contains(
                        "EXAMPLE-AET-001",
                        "EXAMPLE-UHC-001",
                        "EXAMPLE-CIGNA-001",
                        "EXAMPLE-ANY-001");
        RuleMetadata aetna =
                rules.catalogue().stream()
                        .filter(r -> r.id().equals("EXAMPLE-AET-001"))
                        .findFirst()
                        .orElseThrow();
        assertThat(aetna.payers()).containsExactly("Aetna");
        assertThat(aetna.source()).contains("EXAMPLE: Aetna clinical policy bulletin");
        assertThat(aetna.file()).endsWith("payer.policies.csv");
        Path claims =
                Files.writeString(
                        dir.resolve("claims.csv"),
                        ExportBuilder.claims()
                                .line("C1", 1, "0352T")
                                .payer("Aetna")
                                .and()
                                .line("C2", 1, "0352T")
                                .payer("Cigna")
                                .and()
                                .line("C3", 1, "0352T")
                                .payer("Aetna")
                                .date("2025-12-31")
                                .and()
                                .csv());
        List<Finding> findings =
                Shipped.scrub(rules, claims).stream()
                        .filter(f -> f.ruleId().equals("EXAMPLE-AET-001"))
                        .toList();
        assertThat(findings)
                .extracting(Finding::claimId)
                .as("Aetna only, from 2026-01-01")
                .containsExactly("C1");
        assertThat(findings.get(0).message())
                .startsWith(
                        "EXAMPLE policy, not Aetna's: 0352T needs a prior authorization"
                                + " number: 0352T on 2026-09-14");
    }

    @Test
    void theExamplesAreNotInTheShippedRules() throws Exception {
        assertThat(Shipped.rules().catalogue())
                .extracting(RuleMetadata::id)
                .noneMatch(id -> id.startsWith("EXAMPLE-"));
    }

    @Test
    void aWrongCellIsNamedByFileRowAndColumn() {
        String table =
                HEADER
                        + "AET-001,Aetna,0352X,2026-01-01,,prior_auth_required,,ERROR,m,s\n"
                        + "AET-002,Aetna,0352T,2026-13-01,,prior_auth_required,,ERROR,m,s\n"
                        + "AET-003,Aetna,0352T,,,needs_a_referral,,ERROR,m,s\n"
                        + "AET-004,Aetna,0352T,,,pos_forbidden,1X,ERROR,m,s\n"
                        + "AET-005,Aetna,0352T,,,max_units_per_line,two,FATAL,m,\n"
                        + "aet 6,Aetna,0352T,,,prior_auth_required,,ERROR,m,s\n";
        assertThatThrownBy(() -> withTable(table))
                .isInstanceOf(RulesException.class)
                .satisfies(
                        e ->
                                assertThat(e.getMessage())
                                        .contains(
                                                "payer.policies.csv:2:3: procedure_codes: '0352X' is not a procedure code or a range",
                                                "payer.policies.csv:3:4: effective_from: effective_from '2026-13-01' is not a date (YYYY-MM-DD)",
                                                "payer.policies.csv:4:6: condition: condition 'needs_a_referral' is not one of [modifier_required",
                                                "payer.policies.csv:5:7: value: '1X' is not a place of service code",
                                                "payer.policies.csv:6:7: value: max_units_per_line takes a whole number of units",
                                                "payer.policies.csv:6:8: severity: severity 'FATAL' is not ERROR, WARNING or INFO",
                                                "payer.policies.csv:6:10: source: source is empty",
                                                "payer.policies.csv:7:1: rule_id: rule_id 'aet 6' is not of the form PREFIX-NUMBER"));
    }

    @Test
    void aTableWithoutItsHeaderIsRefused() {
        assertThatThrownBy(() -> withTable("rule,payer\nAET-001,Aetna\n"))
                .hasMessageContaining(
                        "payer.policies.csv:1:1: the header must be rule_id,payers,procedure_codes");
    }

    @Test
    void theGeneratedDrlCanBeShown() throws Exception {
        String drl = PolicyTable.toDrl("example.policies.csv", Files.readString(EXAMPLE));
        assertThat(drl)
                .contains(
                        "rule \"example.policies.csv row 2: EXAMPLE-AET-001\"",
                        "priorAuthorization == \"\"",
                        "@payers(\"Aetna\")",
                        "PolicyChecks.inEffect(dateOfService, \"2026-01-01\", \"\")");
    }

    /**
     * Issue 22: a rule listed as Aetna's that runs for every payer was caught only by mvn verify.
     */
    @Test
    void rulesCheckRefusesAPayerScopeSaidTwiceInAConditionThatCanDriftFromIt() throws Exception {
        Path rules = Shipped.copyRules(dir.resolve("rules"));
        Files.writeString(
                rules.resolve("aetna.drl"),
                String.join(
                        "\n",
                        "package scrubber;",
                        "import org.claimscrubber.domain.ClaimLine;",
                        "global org.claimscrubber.domain.FindingCollector findings;",
                        "global org.claimscrubber.domain.PayerNames payers;",
                        "rule \"Aetna 0352T in the office\"",
                        "    @id(\"AET-002\") @severity(\"ERROR\") @category(\"PAYER_POLICY\") @payers(\"Aetna\")",
                        "    @description(\"0352T in the office\") @source(\"Aetna policy\")",
                        "when",
                        "    $line : ClaimLine(procedureCode == \"0352T\", placeOfService == \"11\", payers.is(payer, \"Cigna\"))",
                        "then",
                        "    findings.line(kcontext, $line, \"0352T in the office\", \"Aetna policy\");",
                        "end",
                        ""));
        assertThatThrownBy(
                        () ->
                                new RuleCompiler()
                                        .compile(RuleSet.load(BundledFiles.Located.given(rules))))
                .hasMessageContaining("aetna.drl:6:")
                .hasMessageContaining(
                        "@payers(\"Aetna\") is applied by the engine;"
                                + " remove the payers.is(payer, ...) condition");
    }
}
