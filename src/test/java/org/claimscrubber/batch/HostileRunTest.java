package org.claimscrubber.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimscrubber.Cli;
import org.claimscrubber.Shipped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Patient data never shows; reports are safe to open in a spreadsheet; broken rules and seeds stop
 * cleanly.
 */
class HostileRunTest {

    private static final String PATIENT_ID = "PTSECRET4711";
    private static final String BIRTH_DATE = "1957-03-14";
    private static final String HEADER =
            "claim_id,line_number,date_of_service,procedure_code,modifiers,units,"
                    + "diagnosis_codes,patient_id,patient_birth_date,patient_sex";

    @TempDir Path dir;

    private static Cli.Result run(String... args) {
        return Cli.execute(args);
    }

    @Test
    void patientIdentifiersAndBirthDatesReachNoConsoleStreamOrReport() throws Exception {
        Path claims = dir.resolve("claims.csv");
        Files.writeString(
                claims,
                HEADER
                        + "\n"
                        + "P1,1,2026-11-02,19301,RT,1,C50.912,"
                        + PATIENT_ID
                        + ","
                        + BIRTH_DATE
                        + ",M\n"
                        + "P2,1,2026-11-02,99213,,1,"
                        + PATIENT_ID
                        + ","
                        + BIRTH_DATE
                        + ",F\n" // shifted: one field short
                        + "P3,1,"
                        + BIRTH_DATE
                        + ",99213,,two,C18.9,"
                        + PATIENT_ID
                        + ","
                        + BIRTH_DATE
                        + ",X\n"
                        + "P4,1,2026-11-02,99213,,1,C18.9,\""
                        + PATIENT_ID
                        + " never closed,"
                        + BIRTH_DATE
                        + ",F\n"
                        + "P5,1,2026-11-02,99213,,1,C18.9,="
                        + PATIENT_ID
                        + ","
                        + BIRTH_DATE
                        + ",F\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        Cli.Result result =
                run(
                        "run",
                        "--progress",
                        "--rules",
                        "rules",
                        "--seeds",
                        "seeds",
                        "--as-of",
                        "2026-11-24",
                        "--out",
                        out.toString(),
                        claims.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        // The random temp folder name may contain any digits, so it is taken out before looking for
        // the birth year.
        String console = (result.out() + result.err()).replace(dir.toString(), "<tmp>");
        assertThat(console).doesNotContain(PATIENT_ID, BIRTH_DATE, "1957");
        for (String report : List.of("findings.csv", "findings.json", "run.json")) {
            assertThat(Files.readString(out.resolve(report)))
                    .as(report)
                    .doesNotContain(PATIENT_ID, BIRTH_DATE);
        }
        assertThat(Files.readString(out.resolve("findings.csv"))).contains("PAT-001", "INPUT-001");
    }

    @Test
    void cellsThatWouldRunAsFormulasAreNeutralisedAndTheirClaimsHeld() throws Exception {
        Path claims = dir.resolve("claims.csv");
        Files.writeString(
                claims,
                "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes,charge\n"
                        + "=SUM(A1),1,2026-11-02,99213,C18.9,-5.00\n"
                        + "@cmd,1,2026-11-02,99213,C18.9,10.00\n"
                        + "OK1,1,2026-11-02,99213,C18.9,-5.00\n");
        Path out = dir.resolve("out");
        // A formula cell is a WARNING; --hold-on warning holds such claims (by default only ERRORs
        // hold).
        assertThat(
                        run(
                                        "run",
                                        "--split",
                                        "--hold-on",
                                        "warning",
                                        "--rules",
                                        "rules",
                                        "--seeds",
                                        "seeds",
                                        "--as-of",
                                        "2026-11-24",
                                        "--out",
                                        out.toString(),
                                        claims.toString())
                                .exitCode())
                .isZero();
        String findings = Files.readString(out.resolve("findings.csv"));
        assertThat(findings)
                .contains("'=SUM(A1),1,WARNING,INPUT,INPUT-002", "'@cmd,1,WARNING,INPUT,INPUT-002")
                .doesNotContain("\n=SUM", "\n@cmd");
        // Forwarded rows are data, not a report: as read, byte for byte (issue 21); the reports
        // carry the guard.
        List<String> held = Files.readAllLines(out.resolve("held-claims.csv"));
        assertThat(held)
                .contains(
                        "=SUM(A1),1,2026-11-02,99213,C18.9,-5.00,INPUT-002",
                        "@cmd,1,2026-11-02,99213,C18.9,10.00,INPUT-002");
        assertThat(Files.readAllLines(out.resolve("clean-claims.csv")))
                .containsExactly(
                        "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes,charge",
                        "OK1,1,2026-11-02,99213,C18.9,-5.00");
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
}
