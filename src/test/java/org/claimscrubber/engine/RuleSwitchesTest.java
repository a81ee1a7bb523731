package org.claimscrubber.engine;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimscrubber.ClaimRows;
import org.claimscrubber.Shipped;
import org.claimscrubber.batch.BatchRunner;
import org.claimscrubber.batch.RunOptions;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.files.BundledFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --config switches: rules and categories off, payer names that count as a rule's payer scope. */
class RuleSwitchesTest {

    @TempDir
    Path dir;

    private RuleSwitches config(String text) throws Exception {
        Path file = dir.resolve("scrubber.conf");
        Files.writeString(file, text);
        return RuleSwitches.load(file);
    }

    private List<Finding> scrub(RuleSwitches switches, String csv) throws Exception {
        CompiledRules rules = new RuleCompiler().compile(RuleSet.load(BundledFiles.Located.given(Shipped.RULES)),
                switches);
        Path claims = dir.resolve("claims.csv");
        Files.writeString(claims, csv);
        return Shipped.scrub(rules, claims);
    }

    private static final String MEDICARE_59 = ClaimRows.claims().line("C1", 1, "88305").modifiers("59")
            .payer("MCR PTB").diagnoses("").csv();

    @Test
    void aPayerScopedRuleIgnoresOtherPayerNamesUntilTheConfigNamesThemAsAliases() throws Exception {
        assertThat(scrub(RuleSwitches.NONE, MEDICARE_59)).extracting(Finding::ruleId).doesNotContain("MCR-001");
        RuleSwitches aliases = config("payer.Medicare = MCR PTB, MCR PTA\n");
        assertThat(scrub(aliases, MEDICARE_59)).extracting(Finding::ruleId).contains("MCR-001");
    }

    @Test
    void rulesAndCategoriesCanBeSwitchedOff() throws Exception {
        assertThat(scrub(RuleSwitches.NONE, MEDICARE_59)).extracting(Finding::ruleId).contains("DX-002");
        assertThat(scrub(config("disable.rules = DX-002\n"), MEDICARE_59)).extracting(Finding::ruleId)
                .doesNotContain("DX-002");
        assertThat(scrub(config("disable.categories = diagnosis\n"), MEDICARE_59)).extracting(Finding::ruleId)
                .doesNotContain("DX-002");
    }

    @Test
    void anUnknownRuleIdCategoryOrKeyIsAnErrorNamingTheLine() throws Exception {
        RuleSwitches unknownRule = config("# switches\ndisable.rules = DX-002, DX-999\n");
        assertThatThrownBy(() -> new RuleCompiler().compile(RuleSet.load(BundledFiles.Located.given(Shipped.RULES)),
                unknownRule)).isInstanceOf(RulesException.class)
                .hasMessage(dir.resolve("scrubber.conf") + ":2: disable.rules names DX-999, which no rule file defines");
        assertThatThrownBy(() -> config("disable.categories = BILLING\n")).isInstanceOf(RulesException.class)
                .hasMessageContaining("scrubber.conf:1: 'BILLING' is not a category");
        assertThatThrownBy(() -> config("enable = everything\n")).isInstanceOf(RulesException.class)
                .hasMessageContaining("scrubber.conf:1: unknown key 'enable'");
    }

    @Test
    void runJsonRecordsWhatWasOnAndOff() throws Exception {
        Path out = dir.resolve("out");
        Path claims = dir.resolve("claims.csv");
        Files.writeString(claims, MEDICARE_59);
        new BatchRunner().run(new RunOptions(RunOptions.Input.files(List.of(claims.toString())),
                RunOptions.Sources.of(BundledFiles.Located.given(Shipped.RULES), BundledFiles.Located.given(Shipped.SEEDS),
                        config("disable.rules = REL-001\ndisable.categories = UNITS\n")),
                RunOptions.Policy.on(Shipped.TODAY), RunOptions.Output.to(out), RunOptions.Execution.defaults()));
        JsonNode rules = new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("rules");
        assertThat(rules.get("config").asText()).endsWith("scrubber.conf");
        assertThat(rules.get("switched_off").findValuesAsText("id"))
                .containsExactlyInAnyOrder("REL-001", "UNITS-001", "UNITS-002", "UNITS-003", "NCCI-MUE-001", "NCCI-MUE-002",
                        "NCCI-MUE-003");
        assertThat(rules.at("/switched_off/0/reason").asText()).contains("scrubber.conf:");
        assertThat(rules.at("/payer_scoped/MCR-001/0").asText()).isEqualTo("Medicare");
        assertThat(rules.get("rules").asInt()).isEqualTo(Shipped.rules().catalogue().size() - 7);
    }
}
