package org.claimscrubber.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimscrubber.Cli;
import org.claimscrubber.Shipped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Limits and broken set-ups: huge claims, looping or throwing rules, bad settings and unusable
 * rules or seeds end in a finding or one sentence with its exit code, never a hang, a stack trace
 * or a claim let through.
 */
class LimitsTest {

    private static final String HEADER =
            "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes\n";

    @TempDir Path dir;

    private static Cli.Result run(String... args) {
        return Cli.execute(args);
    }

    @Test
    void aNegativeThreadCountIsRefused() {
        Cli.Result result = run("run", "--threads", "-5", "samples/export/claims.csv");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--threads takes a positive number");
    }

    /**
     * Defect 3: DUP-001 and UNITS-002 iterated the claim's lines per line; 4,000 identical lines
     * took minutes.
     */
    @Test
    void noShippedRuleIteratesAClaimsLinesPerLine() throws Exception {
        try (var files = Files.walk(Path.of("rules"))) {
            for (Path drl : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                assertThat(Files.readString(drl)).as(drl.toString()).doesNotContain("claim.lines");
            }
        }
    }

    @Test
    void aClaimOfThousandsOfIdenticalLinesIsScrubbedLinearlyWithOneDuplicateFindingPerRepeat()
            throws Exception {
        StringBuilder csv =
                new StringBuilder(
                        "claim_id,line_number,date_of_service,procedure_code,modifiers,units,"
                                + "diagnosis_codes\n");
        for (int i = 1; i <= 4_000; i++) {
            csv.append("BIG,").append(i).append(",2026-11-02,0971T,RT,1,C50.911\n");
        }
        Path claims = Files.writeString(dir.resolve("big.csv"), csv);
        Path out = dir.resolve("out");
        assertThat(Cli.scrub(out.toString(), claims.toString()).exitCode()).isZero();
        List<String> findings = Files.readAllLines(out.resolve("findings.csv"));
        assertThat(findings.stream().filter(line -> line.contains("DUP-001")))
                .hasSize(3_999)
                .allMatch(line -> line.contains("already on line 1"));
        assertThat(findings.stream().filter(line -> line.contains("UNITS-002")))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("4000 units of 0971T"));
    }

    @Test
    void aClaimOverTheLimitIsRefusedWithOneFindingAndItsRowsHeld() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 10_001; i++) {
            csv.append("SAME,").append(i).append(",2026-11-02,99213,C18.9\n");
        }
        csv.append("OTHER,1,2026-11-02,99213,C18.9\n");
        Path claims = Files.writeString(dir.resolve("constant-id.csv"), csv);
        Path out = dir.resolve("out");
        assertThat(Cli.scrub(out.toString(), "--split", claims.toString()).exitCode()).isZero();
        List<String> findings = Files.readAllLines(out.resolve("findings.csv"));
        assertThat(findings).hasSize(2);
        assertThat(findings.get(1))
                .startsWith("SAME,,ERROR,INPUT,INPUT-001")
                .contains("10001 rows, more than the 10000");
        assertThat(Files.readAllLines(out.resolve("held-claims.csv"))).hasSize(10_002);
        assertThat(Files.readAllLines(out.resolve("clean-claims.csv"))).hasSize(2);
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(manifest.at("/rows/rejected").asLong()).isEqualTo(10_001);
    }

    /** Risk: a rule whose consequence re-triggers itself hung the run for ever. */
    @Test
    @Timeout(120) // a guard: before the firing limit this test never ended
    void aRuleThatLoopsFailsItsClaimsInsteadOfHangingTheRun() throws Exception {
        Path rules = Shipped.copyRules(dir.resolve("rules"));
        Files.writeString(
                rules.resolve("loops.drl"),
                """
                package scrubber;
                import org.claimscrubber.domain.ClaimLine;
                global org.claimscrubber.domain.FindingCollector findings;

                rule "Re-triggers itself"
                    @id("LOOP-001") @severity("INFO") @category("CODE") @description("loops on 0352T")
                when
                    $line : ClaimLine(procedureCode == "0352T")
                then
                    update($line);
                end
                """);
        Path out = dir.resolve("out");
        Cli.Result result =
                run(
                        "run",
                        "--rules",
                        rules.toString(),
                        "--seeds",
                        "seeds",
                        "--as-of",
                        "2026-11-24",
                        "--out",
                        out.toString(),
                        "samples/export/claims.csv");
        assertThat(result.exitCode()).as(result.err()).isZero();
        String findings = Files.readString(out.resolve("findings.csv"));
        assertThat(findings)
                .contains(
                        "CLM-1001,,ERROR,CODE,LOOP-001",
                        "re-trigger it (modify/update) without end")
                .doesNotContain("DX-001 failed")
                .contains("CLM-1004,1,ERROR,ADD_ON,NCCI-AOC-001");
        assertThat(result.out()).contains("NOT FULLY SCRUBBED");
    }

    @Test
    void aRuleThatThrowsIsReportedWithItsIdAndTheClaimIsHeldNotPassed() throws Exception {
        Path rules = Shipped.copyRules(dir.resolve("rules"));
        Files.writeString(
                rules.resolve("failing.drl"),
                """
                package scrubber;
                import org.claimscrubber.domain.ClaimLine;
                global org.claimscrubber.domain.FindingCollector findings;

                rule "Throws in the consequence"
                    @id("FAIL-001") @severity("WARNING") @category("MODIFIER") @description("fails for 0352T")
                when
                    $line : ClaimLine(procedureCode == "0352T")
                then
                    throw new IllegalStateException("deliberate failure");
                end

                rule "Throws in the condition"
                    @id("FAIL-002") @severity("WARNING") @category("CODE") @description("fails for 0753T")
                when
                    $line : ClaimLine(procedureCode == "0753T", procedureCode.substring(10) == "x")
                then
                    findings.line(kcontext, $line, "never", "x");
                end
                """);
        Path out = dir.resolve("out");
        Cli.Result result =
                run(
                        "run",
                        "--split",
                        "--rules",
                        rules.toString(),
                        "--seeds",
                        "seeds",
                        "--as-of",
                        "2026-11-24",
                        "--out",
                        out.toString(),
                        "samples/export/claims.csv");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("NOT FULLY SCRUBBED: 8 claims");
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(manifest.at("/claims/not_fully_scrubbed").asLong()).isEqualTo(8);
        String findings = Files.readString(out.resolve("findings.csv"));
        assertThat(findings)
                .contains(
                        "CLM-1001,2,ERROR,MODIFIER,FAIL-001,0352T,rule FAIL-001 failed on this claim"
                                + " (IllegalStateException: deliberate failure); the claim was not fully scrubbed")
                .contains(
                        "CLM-1004,,ERROR,CODE,FAIL-002,0753T,\"rule FAIL-002 failed on this claim");
        assertThat(findings)
                .as("after a consequence fails, the other rules still run for the claim")
                .contains(
                        "CLM-1007,2,INFO,MODIFIER,MOD-001",
                        "CLM-1007,2,WARNING,PLACE_OF_SERVICE,POS-001");
        assertThat(Files.readString(out.resolve("clean-claims.csv")))
                .doesNotContain("CLM-1001", "CLM-1004");
    }

    @Test
    void rulesFoldersThatAreMissingEmptyOrNotFoldersStopWithExitTwoAndWriteNothing()
            throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-rules"));
        Path file = Files.writeString(dir.resolve("rules.drl"), "not a folder");
        for (Path rules : List.of(dir.resolve("missing"), empty, file)) {
            Cli.Result result =
                    run(
                            "run",
                            "--rules",
                            rules.toString(),
                            "--out",
                            dir.resolve("out").toString(),
                            "samples/export/claims.csv");
            assertThat(result.exitCode()).as(rules.toString()).isEqualTo(2);
            assertThat(result.err()).contains(rules.toString()).doesNotContain("\tat ");
            assertThat(dir.resolve("out/findings.csv")).doesNotExist();
        }
    }

    @Test
    void seedsFoldersWithNoUsableDocumentStopWithExitTwo() throws Exception {
        Path noDocuments = Files.createDirectories(dir.resolve("no-documents"));
        Path noCodes = Files.createDirectories(dir.resolve("no-codes"));
        Files.writeString(noCodes.resolve("notes.txt"), "A page about nothing in particular.\n");
        for (Path seeds : List.of(dir.resolve("missing"), noDocuments, noCodes)) {
            Cli.Result result =
                    run(
                            "run",
                            "--seeds",
                            seeds.toString(),
                            "--out",
                            dir.resolve("out").toString(),
                            "samples/export/claims.csv");
            assertThat(result.exitCode()).as(seeds.toString()).isEqualTo(2);
            assertThat(result.err()).contains(seeds.toString()).doesNotContain("\tat ");
            assertThat(dir.resolve("out/findings.csv")).doesNotExist();
        }
    }

    /**
     * Risk: a seed document replaced by garbage still counted, and its procedure's checks silently
     * vanished.
     */
    @Test
    void aSeedDocumentWithoutAProcedureCodeStopsTheRun() throws Exception {
        Path seeds = Files.createDirectories(dir.resolve("seeds"));
        try (var files = Files.list(Path.of("seeds"))) {
            for (Path file : files.toList()) {
                Files.copy(file, seeds.resolve(file.getFileName()));
            }
        }
        Files.writeString(seeds.resolve("003_2be55d552ac92e94.txt"), "garbage, no code here\n");
        Cli.Result result =
                run(
                        "run",
                        "--rules",
                        "rules",
                        "--seeds",
                        seeds.toString(),
                        "--out",
                        dir.resolve("out").toString(),
                        "samples/export/claims.csv");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("003_2be55d552ac92e94.txt names no procedure code");
        assertThat(dir.resolve("out/findings.csv")).doesNotExist();
    }
}
