package org.claimscrubber.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.claimscrubber.Prerequisites;
import org.claimscrubber.Shipped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line end to end, through the packaged jar, as the README tells a new user to run it.
 */
class CommandLineIT {

    private static final String EXPORT =
            Path.of("samples/export/claims.csv").toAbsolutePath().toString();

    @TempDir Path dir;

    @Test
    void runScrubsTheSampleExportAndWritesTheThreeReports() throws Exception {
        Path out = dir.resolve("reports");
        Jar.Result result =
                Jar.run("run", "--as-of", "2026-11-24", "--out", out.toString(), EXPORT);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains(
                        "read 1 file: 30 rows (29 scrubbed, 1 rejected)",
                        "claims: 20 (8 with errors, 3 with warnings only, 9 clean)",
                        "held: 8 claims (hold policy: ERROR and above",
                        "findings: 15");
        List<String> csv = Files.readAllLines(out.resolve("findings.csv"), StandardCharsets.UTF_8);
        assertThat(csv.get(0))
                .startsWith(
                        "claim_id,line_number,severity,category,rule_id,procedure_code,message,source");
        assertThat(csv).hasSize(16);
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(manifest.at("/rows/read").asLong()).isEqualTo(30);
        assertThat(manifest.at("/rules/directory").asText()).isEqualTo("rules (working directory)");
        assertThat(
                        new ObjectMapper()
                                .readTree(out.resolve("findings.json").toFile())
                                .at("/totals/findings")
                                .asLong())
                .isEqualTo(15);
    }

    /**
     * Issue 21: a rule that never ends hung the nightly run. Through the jar, as the batch runs it:
     * the run stops with exit 2 and a sentence naming the rule, and no report is written. (A loop
     * never ends, so the outcome does not depend on how fast the machine is.)
     */
    @Test
    void aRuleThatNeverEndsStopsTheRunNamingTheRule() throws Exception {
        Path rules = Shipped.copyRules(dir.resolve("rules"));
        Files.writeString(
                rules.resolve("zz-spins.drl"),
                """
                package scrubber;
                import org.claimscrubber.domain.ClaimLine;
                global org.claimscrubber.domain.FindingCollector findings;
                rule "Spins"
                    @id("SPIN-001") @severity("ERROR") @category("CODE") @description("never ends")
                when
                    $line : ClaimLine(procedureCode == "0352T")
                then
                    long n = 0;
                    while (n >= 0) { n = (n + 1) % 1000; }
                end
                """);
        Path out = dir.resolve("out");
        Jar.Result result =
                Jar.run(
                        "run",
                        "--rules",
                        rules.toString(),
                        "--rule-time-limit",
                        "2",
                        "--as-of",
                        "2026-11-24",
                        "--out",
                        out.toString(),
                        EXPORT);
        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err())
                .contains("rule SPIN-001", "zz-spins.drl", "does not end")
                .doesNotContain("\tat ");
        assertThat(out.resolve("run.json")).doesNotExist();
    }

    @Test
    void patientIdentifiersAndBirthDatesNeverReachTheConsole() throws Exception {
        Jar.Result result =
                Jar.run("run", "--as-of", "2026-11-24", "--out", dir.toString(), EXPORT);
        assertThat(result.all()).doesNotContain("PT-408", "PT-409", "1968-04-12", "1955-01-30");
        String findings = Files.readString(dir.resolve("findings.csv"));
        assertThat(findings).doesNotContain("PT-408", "1968-04-12");
    }

    @Test
    void runGetsTheHeapItNeedsUnlessTheUserGaveOne() throws Exception {
        Jar.Result launched =
                Jar.run(
                        "run",
                        "-q",
                        "--as-of",
                        "2026-11-24",
                        "--out",
                        dir.resolve("a").toString(),
                        EXPORT);
        assertThat(launched.exitCode()).as(launched.err()).isZero();
        assertThat(
                        new ObjectMapper()
                                .readTree(dir.resolve("a/run.json").toFile())
                                .at("/resources/max_heap_bytes")
                                .asLong())
                .isEqualTo(768L << 20);
        Jar.Result own =
                Jar.java(
                        Path.of("").toAbsolutePath(),
                        Map.of(),
                        List.of(
                                "-Xmx512m",
                                "-jar",
                                Jar.JAR.toString(),
                                "run",
                                "-q",
                                "--as-of",
                                "2026-11-24",
                                "--out",
                                dir.resolve("b").toString(),
                                EXPORT));
        assertThat(own.exitCode()).as(own.err()).isZero();
        assertThat(
                        new ObjectMapper()
                                .readTree(dir.resolve("b/run.json").toFile())
                                .at("/resources/max_heap_bytes")
                                .asLong())
                .isEqualTo(512L << 20);
        // Standard input reaches the run in its own JVM.
        Path out = dir.resolve("c");
        ProcessBuilder stdin =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-jar",
                                Jar.JAR.toString(),
                                "run",
                                "-q",
                                "--as-of",
                                "2026-11-24",
                                "--out",
                                out.toString(),
                                "-")
                        .redirectInput(Path.of(EXPORT).toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        assertThat(stdin.start().waitFor()).isZero();
        assertThat(
                        new ObjectMapper()
                                .readTree(out.resolve("run.json").toFile())
                                .at("/rows/read")
                                .asLong())
                .isEqualTo(30);
    }

    @Test
    void failOnErrorExitsOneWhenAnErrorIsFound() throws Exception {
        assertThat(
                        Jar.run(
                                        "run",
                                        "--as-of",
                                        "2026-11-24",
                                        "--out",
                                        dir.toString(),
                                        "--fail-on",
                                        "error",
                                        EXPORT)
                                .exitCode())
                .isEqualTo(1);
    }

    @Test
    void runWorksFromAnyDirectoryWithTheRulesAndSeedsInsideTheJar() throws Exception {
        Jar.Result result = Jar.run(dir, "run", "--as-of", "2026-11-24", EXPORT);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("bundled rules (inside the jar)", "findings: 15");
        assertThat(dir.resolve("reports/findings.csv")).exists();
    }

    @Test
    void anInputMissingARequiredColumnExitsThreeAndWritesNothing() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "claim_id,line_number,procedure_code\nC1,1,99213\n");
        Jar.Result result =
                Jar.run(
                        "run",
                        "--as-of",
                        "2026-11-24",
                        "--out",
                        dir.resolve("out").toString(),
                        bad.toString());
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err())
                .contains(
                        "required column date_of_service is missing; columns found: "
                                + "'claim_id', 'line_number', 'procedure_code'")
                .contains("column.date_of_service = ")
                .doesNotContain("Exception", "\tat ");
        assertThat(dir.resolve("out/findings.csv")).doesNotExist();
    }

    @Test
    void brokenRulesExitTwoWithFileAndLineAndWriteNothing() throws Exception {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        Files.writeString(
                rules.resolve("broken.drl"),
                """
                package scrubber;
                import org.claimscrubber.domain.ClaimLine;
                global org.claimscrubber.domain.FindingCollector findings;
                rule "Broken"
                    @id("T-001") @severity("ERROR") @category("CODE") @description("d")
                when
                    $line : ClaimLine(procedureKode == "0352T")
                then
                end
                """);
        Jar.Result result =
                Jar.run(
                        "run",
                        "--as-of",
                        "2026-11-24",
                        "--rules",
                        rules.toString(),
                        "--out",
                        dir.resolve("out").toString(),
                        EXPORT);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains(rules + "/broken.drl:7:")
                .contains("procedureKode")
                .doesNotContain("\tat ");
        assertThat(dir.resolve("out/findings.csv")).doesNotExist();
    }

    @Test
    void aMissingRulesFolderExitsTwo() throws Exception {
        Jar.Result result =
                Jar.run(
                        "run",
                        "--as-of",
                        "2026-11-24",
                        "--rules",
                        dir.resolve("nowhere").toString(),
                        EXPORT);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("does not exist");
    }

    @Test
    void anUnknownOptionIsAnInvalidInvocation() throws Exception {
        assertThat(Jar.run("run", "--as-of", "2026-11-24", "--frobnicate", EXPORT).exitCode())
                .isEqualTo(2);
    }

    @Test
    void factsPrintsWhatTheRulesSeeAsTextOrJson() throws Exception {
        Jar.Result text = Jar.run("facts");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out())
                .contains(
                        "000_404b5ce62a18733e.txt: 0353T",
                        "modifier TC:  [row cut off]",
                        "add-on code; primary code 88305");
        Jar.Result json = Jar.run("facts", "--json");
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("documents")).hasSize(5);
    }

    @Test
    void theSampleSuitesPass() throws Exception {
        Jar.Result result = Jar.run("test");
        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(result.out()).contains("0 failed");
    }

    @Test
    void quietPrintsNothingButStillWritesTheReports() throws Exception {
        Jar.Result result =
                Jar.run("run", "--as-of", "2026-11-24", "--quiet", "--out", dir.toString(), EXPORT);
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEmpty();
        assertThat(dir.resolve("run.json")).exists();
    }

    @Test
    void generateWritesTheSameExportForTheSameSeed() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv.gz");
        assertThat(Jar.run("generate", "--lines", "2000", "--seed", "5", a.toString()).exitCode())
                .isZero();
        assertThat(Jar.run("generate", "--lines", "2000", "--seed", "5", b.toString()).exitCode())
                .isZero();
        assertThat(Files.readAllLines(a)).hasSize(2001);
        Jar.Result plain =
                Jar.run(
                        "run",
                        "--as-of",
                        "2026-11-24",
                        "--out",
                        dir.resolve("ra").toString(),
                        a.toString());
        Jar.Result gzip =
                Jar.run(
                        "run",
                        "--as-of",
                        "2026-11-24",
                        "--out",
                        dir.resolve("rb").toString(),
                        b.toString());
        assertThat(plain.out().lines().skip(0).findFirst())
                .isEqualTo(gzip.out().lines().findFirst());
        assertThat(Files.readString(dir.resolve("ra/findings.json")))
                .isEqualTo(
                        Files.readString(dir.resolve("rb/findings.json"))
                                .replace(b.toString(), a.toString()));
    }

    @Test
    void benchReportsLinesPerSecondAgainstTheFloor() throws Exception {
        Jar.Result result =
                Jar.run("bench", "--lines", "3000", "--runs", "1", "--work", dir.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains(
                        "I/O floor",
                        "scrub, every rule off",
                        "scrub end to end",
                        "end to end / floor:",
                        "peak heap",
                        "peak RSS",
                        "rows read 3,000");
        JsonNode baseline =
                new ObjectMapper()
                        .readTree(dir.resolve("bench-reports-no-rules/run.json").toFile());
        assertThat(baseline.at("/rows/read").asLong()).isEqualTo(3000);
        assertThat(baseline.at("/findings/total").asLong()).isZero();
    }

    /**
     * Issue 24: bench builds a history of earlier nights and times tonight's export with and
     * without it; a small patient pool plants services already sent, which the timed run finds.
     */
    @Test
    void benchMeasuresTheClaimHistoryAgainstARunWithout() throws Exception {
        Jar.Result result =
                Jar.run(
                        "bench",
                        "--lines",
                        "2000",
                        "--runs",
                        "1",
                        "--history-nights",
                        "2",
                        "--history-patients",
                        "1",
                        "--work",
                        dir.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains(
                        "history night 2 of 2",
                        "scrub without --history",
                        "scrub with --history (2+ nights)",
                        "with history / without:");
        assertThat(dir.resolve("bench-history-2000-2-p1.db")).isRegularFile();
        JsonNode withHistory =
                new ObjectMapper().readTree(dir.resolve("bench-reports-history/run.json").toFile());
        assertThat(withHistory.at("/history/store").asText()).contains("SQLite, 2 earlier runs");
        assertThat(Files.readString(dir.resolve("bench-reports-history/findings.csv")))
                .contains("HIST-001");
    }

    /**
     * Issue 23: how long the night's report.html takes to open is measured by bench, not asserted
     * by a test.
     */
    @Test
    void benchTimesTheReportOpeningInChromium() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Prerequisites.require(
                Files.isExecutable(chromium),
                "/usr/bin/chromium (apt-get install chromium; .ci/run installs it)",
                Prerequisites.CHROMIUM);
        Jar.Result result =
                Jar.run(
                        "bench",
                        "--lines",
                        "3000",
                        "--runs",
                        "1",
                        "--mix",
                        "synthetic",
                        "--browser",
                        chromium.toString(),
                        "--work",
                        dir.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .containsPattern(
                        "report.html: [0-9,]+ KB for [0-9,]+ findings; opens in headless"
                                + " Chromium in [0-9.]+ s \\(an empty page: [0-9.]+ s");
        assertThat(result.err()).doesNotContain("dbus");
        Jar.Result notABrowser =
                Jar.run(
                        "bench",
                        "--lines",
                        "10",
                        "--browser",
                        dir.resolve("nothing").toString(),
                        "--work",
                        dir.toString());
        assertThat(notABrowser.exitCode()).isEqualTo(2);
        assertThat(notABrowser.err()).contains("is not a program that can be run");
    }

    @Test
    void theSecondRunLoadsTheRulesCompiledAndAnEditRecompiles() throws Exception {
        Map<String, String> cache = Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString());
        Path rules = Shipped.copyRules(dir.resolve("rules"));
        String[] run = {
            "run",
            "--as-of",
            "2026-11-24",
            "--rules",
            rules.toString(),
            "--out",
            dir.resolve("out").toString(),
            EXPORT
        };
        assertThat(build(Jar.run(Path.of("").toAbsolutePath(), cache, run))).isEqualTo("compiled");
        assertThat(build(Jar.run(Path.of("").toAbsolutePath(), cache, run)))
                .isEqualTo("loaded compiled from the rules cache");
        Files.writeString(rules.resolve("codes.drl"), "\n// an edit\n", StandardOpenOption.APPEND);
        assertThat(build(Jar.run(Path.of("").toAbsolutePath(), cache, run))).isEqualTo("compiled");
        assertThat(
                        build(
                                Jar.run(
                                        Path.of("").toAbsolutePath(),
                                        cache,
                                        "run",
                                        "--as-of",
                                        "2026-11-24",
                                        "--no-rules-cache",
                                        "--rules",
                                        rules.toString(),
                                        "--out",
                                        dir.resolve("out").toString(),
                                        EXPORT)))
                .isEqualTo("compiled");
    }

    private String build(Jar.Result result) throws Exception {
        assertThat(result.exitCode()).as(result.err()).isZero();
        return new ObjectMapper()
                .readTree(dir.resolve("out/run.json").toFile())
                .at("/rules/build")
                .asText();
    }

    @Test
    void theAuditIsAReportThatFailsOnlyWhenStrict() throws Exception {
        Jar.Result audit = Jar.run("facts", "--audit");
        assertThat(audit.exitCode()).isZero();
        assertThat(audit.out())
                .contains(
                        "1. Contradictions between seed documents",
                        "001_878d69fdffca6f24.txt:32  207XS0100X is not a NUCC taxonomy code",
                        "4. Advice that contradicts coding rules (1)");
        assertThat(Jar.run("facts", "--audit", "--strict").exitCode()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(Jar.run("facts", "--audit", "--json").out());
        assertThat(json.at("/groups/STRUCTURE")).isNotEmpty();
    }

    @Test
    void runWithFullCodeSetsReportsUnknownCodes() throws Exception {
        Path claims = dir.resolve("claims.csv");
        Files.writeString(
                claims,
                "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes\n"
                        + "C1,1,2026-11-02,99213,C18.8\n");
        Jar.Result result =
                Jar.run(
                        "run",
                        "--as-of",
                        "2026-11-24",
                        "--reference",
                        "samples/rules/reference/reference",
                        "--out",
                        dir.resolve("out").toString(),
                        claims.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readString(dir.resolve("out/findings.csv"))).contains("CODE-008");
        assertThat(
                        new ObjectMapper()
                                .readTree(dir.resolve("out/run.json").toFile())
                                .at("/seeds/reference_files"))
                .hasSize(2);
        assertThat(
                        Jar.run(
                                        "run",
                                        "--as-of",
                                        "2026-11-24",
                                        "--reference",
                                        dir.resolve("none").toString(),
                                        claims.toString())
                                .exitCode())
                .isEqualTo(2);
    }
}
