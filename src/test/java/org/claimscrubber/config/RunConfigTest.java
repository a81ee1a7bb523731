package org.claimscrubber.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimscrubber.Cli;
import org.claimscrubber.ExportBuilder;
import org.claimscrubber.Shipped;
import org.claimscrubber.batch.LocalRun;
import org.claimscrubber.batch.RunOptions;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.domain.NotChecked;
import org.claimscrubber.domain.Severity;
import org.claimscrubber.engine.CompiledRules;
import org.claimscrubber.engine.RuleCompiler;
import org.claimscrubber.engine.RuleSet;
import org.claimscrubber.engine.RulesException;
import org.claimscrubber.files.BundledFiles;
import org.claimscrubber.report.ClaimOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The --config switches: rules and categories off, payer names that count as a rule's payer scope.
 */
class RunConfigTest {

    @TempDir Path dir;

    private RunConfig config(String text) throws Exception {
        return RunConfigParser.parse(configFile(text));
    }

    private Path configFile(String text) throws Exception {
        Path file = dir.resolve("scrubber.conf");
        Files.writeString(file, text);
        return file;
    }

    private List<Finding> scrub(RunConfig switches, String csv) throws Exception {
        CompiledRules rules =
                new RuleCompiler()
                        .compile(RuleSet.load(BundledFiles.Located.given(Shipped.RULES)), switches);
        Path claims = dir.resolve("claims.csv");
        Files.writeString(claims, csv);
        return Shipped.scrub(rules, claims);
    }

    private static final String MEDICARE_59 =
            ExportBuilder.claims()
                    .line("C1", 1, "88305")
                    .modifiers("59")
                    .payer("MCR PTB")
                    .diagnoses("")
                    .csv();

    @Test
    void aPayerScopedRuleIgnoresOtherPayerNamesUntilTheConfigNamesThemAsAliases() throws Exception {
        assertThat(scrub(RunConfig.NONE, MEDICARE_59))
                .extracting(Finding::ruleId)
                .doesNotContain("MCR-001");
        RunConfig aliases = config("payer.Medicare = MCR PTB, MCR PTA\n");
        assertThat(scrub(aliases, MEDICARE_59)).extracting(Finding::ruleId).contains("MCR-001");
    }

    @Test
    void rulesAndCategoriesCanBeSwitchedOff() throws Exception {
        assertThat(scrub(RunConfig.NONE, MEDICARE_59))
                .extracting(Finding::ruleId)
                .contains("DX-002");
        assertThat(scrub(config("disable.rules = DX-002\n"), MEDICARE_59))
                .extracting(Finding::ruleId)
                .doesNotContain("DX-002");
        assertThat(scrub(config("disable.categories = diagnosis\n"), MEDICARE_59))
                .extracting(Finding::ruleId)
                .doesNotContain("DX-002");
    }

    @Test
    void anUnknownRuleIdCategoryOrKeyIsAnErrorNamingTheLine() throws Exception {
        RunConfig unknownRule = config("# switches\ndisable.rules = DX-002, DX-999\n");
        assertThatThrownBy(
                        () ->
                                new RuleCompiler()
                                        .compile(
                                                RuleSet.load(
                                                        BundledFiles.Located.given(Shipped.RULES)),
                                                unknownRule))
                .isInstanceOf(RulesException.class)
                .hasMessage(
                        dir.resolve("scrubber.conf")
                                + ":2: disable.rules names DX-999, which no rule file defines");
        assertThatThrownBy(() -> config("disable.categories = BILLING\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("scrubber.conf:1: 'BILLING' is not a category");
        assertThatThrownBy(() -> config("enable = everything\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("scrubber.conf:1: unknown key 'enable'");
    }

    @Test
    void runJsonRecordsWhatWasOnAndOff() throws Exception {
        Path out = dir.resolve("out");
        Path claims = dir.resolve("claims.csv");
        Files.writeString(claims, MEDICARE_59);
        new LocalRun()
                .run(
                        new RunOptions(
                                RunOptions.Input.files(List.of(claims.toString())),
                                Shipped.sources()
                                        .withConfig(
                                                configFile(
                                                        "disable.rules = REL-001\ndisable.categories = UNITS\n")),
                                RunOptions.Policy.on(Shipped.TODAY),
                                RunOptions.Output.to(out),
                                RunOptions.Execution.defaults()));
        JsonNode rules = new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("rules");
        assertThat(rules.get("config").asText()).endsWith("scrubber.conf");
        assertThat(rules.get("switched_off").findValuesAsText("id"))
                .containsExactlyInAnyOrder(
                        "REL-001",
                        "UNITS-001",
                        "UNITS-002",
                        "UNITS-003",
                        "NCCI-MUE-001",
                        "NCCI-MUE-002",
                        "NCCI-MUE-003");
        assertThat(rules.at("/switched_off/0/reason").asText()).contains("scrubber.conf:");
        assertThat(rules.at("/payer_scoped/MCR-001/0").asText()).isEqualTo("Medicare");
        assertThat(rules.get("evaluation").asText()).startsWith("sequential");
        assertThat(rules.get("rules").asInt()).isEqualTo(Shipped.rules().catalogue().size() - 7);
    }

    private static final String COMMERCIAL_PTP =
            ExportBuilder.claims()
                    .line("C1", 1, "0353T")
                    .payer("Aetna")
                    .and()
                    .line("C1", 2, "76942")
                    .payer("Aetna")
                    .and()
                    .line("C2", 1, "0353T")
                    .payer("Cigna")
                    .and()
                    .line("C2", 2, "76942")
                    .payer("Cigna")
                    .and()
                    .csv();

    @Test
    void aConfigGivesARuleAnotherSeverityForEveryPayerOrForOne() throws Exception {
        List<Finding> runWide = scrub(config("severity.NCCI-PTP-002 = ERROR\n"), COMMERCIAL_PTP);
        assertThat(runWide)
                .filteredOn(f -> f.ruleId().equals("NCCI-PTP-002"))
                .extracting(Finding::severity)
                .containsExactly(Severity.ERROR, Severity.ERROR);
        List<Finding> forAetna =
                scrub(config("severity.NCCI-PTP-002.Aetna = ERROR\n"), COMMERCIAL_PTP);
        assertThat(forAetna)
                .filteredOn(f -> f.ruleId().equals("NCCI-PTP-002"))
                .extracting(f -> f.claimId() + " " + f.severity())
                .containsExactly("C1 ERROR", "C2 WARNING");
        List<Finding> aliased =
                scrub(
                        config(
                                "payer.Big Payers = Cigna\nseverity.NCCI-PTP-002.Big Payers = INFO\n"),
                        COMMERCIAL_PTP);
        assertThat(aliased)
                .filteredOn(f -> f.ruleId().equals("NCCI-PTP-002"))
                .extracting(f -> f.claimId() + " " + f.severity())
                .containsExactly("C1 WARNING", "C2 INFO");
    }

    @Test
    void aSeverityForAnUnknownRuleOrNoSeverityIsRefusedAtItsLine() throws Exception {
        assertThatThrownBy(
                        () ->
                                scrub(
                                        config("# comment\nseverity.POS-999 = ERROR\n"),
                                        COMMERCIAL_PTP))
                .isInstanceOf(RulesException.class)
                .hasMessageContaining(
                        "scrubber.conf:2: severity.POS-999 names a rule no rule file defines");
        assertThatThrownBy(() -> config("severity.POS-001 = FATAL\n"))
                .hasMessageContaining(
                        "scrubber.conf:1: severity.POS-001 takes one of ERROR, WARNING, INFO, not 'FATAL'");
        assertThatThrownBy(() -> config("severity.INPUT-001 = WARNING\n"))
                .hasMessageContaining("INPUT-001 stays an ERROR");
    }

    @Test
    void theRunRecordsTheSeveritiesTheConfigChanged() throws Exception {
        Path out = dir.resolve("out");
        Path claims = Files.writeString(dir.resolve("claims.csv"), COMMERCIAL_PTP);
        new LocalRun()
                .run(
                        new RunOptions(
                                RunOptions.Input.files(List.of(claims.toString())),
                                Shipped.sources()
                                        .withConfig(
                                                configFile(
                                                        "severity.NCCI-PTP-002.Aetna = ERROR\n")),
                                RunOptions.Policy.on(Shipped.TODAY),
                                RunOptions.Output.to(out),
                                RunOptions.Execution.defaults()));
        JsonNode changed =
                new ObjectMapper()
                        .readTree(out.resolve("run.json").toFile())
                        .at("/rules/severity_changed/0");
        assertThat(changed.get("id").asText()).isEqualTo("NCCI-PTP-002");
        assertThat(changed.get("payer").asText()).isEqualTo("Aetna");
        assertThat(changed.get("where").asText()).endsWith("scrubber.conf:1");
        assertThat(Files.readString(out.resolve("findings.csv")))
                .contains("C1,2,ERROR,PTP,NCCI-PTP-002");
    }

    private static final String POS_OFFICE =
            ExportBuilder.claims()
                    .line("C1", 1, "0352T")
                    .placeOfService("11")
                    .payer("Aetna")
                    .and()
                    .line("C2", 1, "0352T")
                    .placeOfService("11")
                    .payer("Cigna")
                    .and()
                    .csv();

    @Test
    void aSuppressionMarksTheFindingsItAcceptsWhichHoldNothing() throws Exception {
        Files.writeString(
                dir.resolve("suppressions.csv"),
                String.join(
                        "\n",
                        "rule_id,payer,rendering_npi,rendering_taxonomy,procedure_code,claim_id,reason,author,expires",
                        "POS-001,Aetna,,,0352T,,Aetna pays 0352T in the office for this group (letter of 2026-03-02),J. Ortiz,2099-12-31",
                        "REL-001,,,,0352T,,an expired acceptance,J. Ortiz,2020-01-01",
                        ""));
        Path out = dir.resolve("out");
        Path claims = Files.writeString(dir.resolve("claims.csv"), POS_OFFICE);
        new LocalRun()
                .run(
                        new RunOptions(
                                RunOptions.Input.files(List.of(claims.toString())),
                                Shipped.sources()
                                        .withConfig(
                                                configFile("suppressions = suppressions.csv\n")),
                                RunOptions.Policy.on(Shipped.TODAY),
                                RunOptions.Output.to(out),
                                RunOptions.Execution.defaults()));
        List<String> findings = Files.readAllLines(out.resolve("findings.csv"));
        assertThat(findings.get(0)).endsWith(",input_line,suppressed");
        assertThat(findings)
                .filteredOn(line -> line.startsWith("C1,1,WARNING,PLACE_OF_SERVICE,POS-001"))
                .singleElement()
                .satisfies(
                        line ->
                                assertThat(line)
                                        .contains(
                                                "Aetna pays 0352T in the office",
                                                "suppressions.csv:2",
                                                "by J. Ortiz",
                                                "until 2099-12-31"));
        assertThat(findings)
                .filteredOn(line -> line.startsWith("C2,1,WARNING,PLACE_OF_SERVICE,POS-001"))
                .singleElement()
                .satisfies(line -> assertThat(line).endsWith(",").doesNotContain("Aetna pays"));
        assertThat(findings)
                .filteredOn(line -> line.contains("REL-001"))
                .as("an expired row accepts nothing")
                .allSatisfy(line -> assertThat(line).doesNotContain("expired acceptance"));
        JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(run.at("/findings/suppressed/POS-001").asLong()).isEqualTo(1);
        assertThat(Files.readString(out.resolve("report.html")))
                .contains(
                        "Suppressed with a reason (shown, holding" + " nothing): POS-001 1",
                        "suppressed: Aetna pays 0352T in the office");
    }

    @Test
    void aSuppressedErrorDoesNotHoldItsClaim() throws Exception {
        Files.writeString(
                dir.resolve("suppressions.csv"),
                String.join(
                        "\n",
                        "rule_id,payer,rendering_npi,rendering_taxonomy,procedure_code,claim_id,reason,author,expires",
                        "REL-001,,,,,C1,the surgery was billed on the facility claim (ticket 4411),QA,",
                        ""));
        RunConfig switches = config("suppressions = suppressions.csv\n");
        List<Finding> findings =
                scrub(switches, ExportBuilder.claims().line("C1", 1, "0352T").and().csv());
        assertThat(findings)
                .filteredOn(f -> f.ruleId().equals("REL-001"))
                .singleElement()
                .satisfies(f -> assertThat(f.isSuppressed()).isTrue());
        ClaimOutcome outcome =
                new ClaimOutcome(
                        "C1",
                        0,
                        ClaimOutcome.Profile.NONE,
                        new ClaimOutcome.Evaluation(findings, true, new NotChecked()),
                        new ClaimOutcome.Rows(1, 0, List.of()));
        assertThat(outcome.held(Severity.ERROR)).isFalse();
    }

    @Test
    void aSuppressionFileWithoutAReasonOrForAnUnknownRuleIsRefusedAtItsLine() throws Exception {
        String header =
                "rule_id,payer,rendering_npi,rendering_taxonomy,procedure_code,claim_id,reason,author,expires\n";
        Files.writeString(
                dir.resolve("suppressions.csv"), header + "POS-001,Aetna,,,,,,J. Ortiz,\n");
        assertThatThrownBy(() -> config("suppressions = suppressions.csv\n"))
                .hasMessageContaining("suppressions.csv:2: column reason is empty");
        Files.writeString(
                dir.resolve("suppressions.csv"), header + "POS-999,,,,,,no such rule,QA,\n");
        RunConfig unknown = config("suppressions = suppressions.csv\n");
        assertThatThrownBy(() -> scrub(unknown, POS_OFFICE))
                .hasMessageContaining(
                        "suppressions.csv:2: rule_id POS-999 names a rule no rule file defines");
        Files.writeString(
                dir.resolve("suppressions.csv"), header + "POS-001,,,,,,r,QA,31/12/2026\n");
        assertThatThrownBy(() -> config("suppressions = suppressions.csv\n"))
                .hasMessageContaining(
                        "suppressions.csv:2: expires '31/12/2026' is not a date (YYYY-MM-DD)");
    }

    @Test
    void rulesCheckNamesAnExpiredSuppression() throws Exception {
        Files.writeString(
                dir.resolve("suppressions.csv"),
                String.join(
                        "\n",
                        "rule_id,payer,rendering_npi,rendering_taxonomy,procedure_code,claim_id,reason,author,expires",
                        "REL-001,,,,0352T,,an acceptance that ran out,J. Ortiz,2020-01-01",
                        ""));
        Path conf =
                Files.writeString(dir.resolve("check.conf"), "suppressions = suppressions.csv\n");
        Cli.Result result =
                Cli.execute(
                        "rules",
                        "check",
                        "--rules",
                        Shipped.RULES.toString(),
                        "--config",
                        conf.toString(),
                        "--no-rules-cache");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains(
                        "WARNING: suppressions.csv:2: the suppression of REL-001 expired on 2020-01-01");
    }
}
