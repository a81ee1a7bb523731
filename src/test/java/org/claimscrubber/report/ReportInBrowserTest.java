package org.claimscrubber.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimscrubber.Cli;
import org.claimscrubber.Prerequisites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html opened in a real browser (headless Chromium, Debian's package; .ci/run installs it):
 * the numbers it shows are run.json's, and a screenshot is saved at target/report-screenshot.png.
 * Skipped, saying so, only where Chromium is not installed.
 */
class ReportInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir static Path dir;

    private static Path report;
    private static JsonNode manifest;

    @BeforeAll
    static void runTheSampleExport() throws Exception {
        Path out = dir.resolve("reports");
        Cli.Result run = Cli.scrub(out.toString(), "samples/export/claims.csv");
        assertThat(run.exitCode()).as(run.err()).isZero();
        report = out.resolve("report.html");
        manifest = new ObjectMapper().readTree(out.resolve("run.json").toFile());
    }

    private static String chromium(String... args) throws Exception {
        Prerequisites.require(
                Files.isExecutable(CHROMIUM),
                "/usr/bin/chromium (apt-get install chromium; .ci/run installs it)",
                Prerequisites.CHROMIUM);
        List<String> command =
                new ArrayList<>(
                        List.of(
                                CHROMIUM.toString(),
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--hide-scrollbars",
                                "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
        command.addAll(List.of(args));
        command.add(report.toUri().toString());
        Path out = dir.resolve("chromium-out.txt");
        Process process =
                new ProcessBuilder(command)
                        .redirectOutput(out.toFile())
                        .redirectError(dir.resolve("chromium-err.txt").toFile())
                        .start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String shown(String dom, String id) {
        Matcher value = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(dom);
        assertThat(value.find()).as(id).isTrue();
        return value.group(1);
    }

    @Test
    void theNumbersTheBrowserShowsAreRunJsons() throws Exception {
        String dom = chromium("--dump-dom");
        assertThat(shown(dom, "claims-read")).isEqualTo(manifest.at("/claims/read").asText());
        assertThat(shown(dom, "claims-held")).isEqualTo(manifest.at("/claims/held").asText());
        assertThat(shown(dom, "claims-errors"))
                .isEqualTo(manifest.at("/claims/with_errors").asText());
        assertThat(shown(dom, "claims-warnings"))
                .isEqualTo(manifest.at("/claims/with_warnings").asText());
        assertThat(shown(dom, "claims-clean")).isEqualTo(manifest.at("/claims/clean").asText());
        // the findings table, once the page's script has run, has every finding of this small run
        Matcher rows =
                Pattern.compile("<tr><td>CLM-")
                        .matcher(dom.substring(dom.indexOf("id=\"findings\"")));
        int count = 0;
        while (rows.find()) {
            count++;
        }
        assertThat(count).isEqualTo(manifest.at("/findings/total").asInt());
        assertThat(dom)
                .contains("0753T: Digital Slide Scanning for Level IV Surgical Pathology, line 3")
                .doesNotContain("786b855abe4afa89.txt:3");
    }

    @Test
    void aScreenshotIsSaved() throws Exception {
        Path png = Path.of("target", "report-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(png);
        chromium("--window-size=1280,1500", "--screenshot=" + png);
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }
}
