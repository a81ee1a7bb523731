package org.claimscrubber.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.claimscrubber.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23: findings.csv cites a source the way report.html does, by the document's title, beside
 * the file name.
 */
class CitationsTest {

    @Test
    void aSeedFileNameFollowedByALineReadsAsTheDocumentsTitle() {
        Citations citations = new Citations(Map.of("002_ab.txt", "0753T: Digital slide"));
        assertThat(
                        citations.titled(
                                "cms-edits.csv:10 (CMS NCCI); 002_ab.txt:3, Summary: add-on to 88305"))
                .isEqualTo(
                        "cms-edits.csv:10 (CMS NCCI); 0753T: Digital slide, line 3, Summary: add-on to 88305");
        assertThat(citations.titled("official-facts.csv:4")).isEqualTo("official-facts.csv:4");
        assertThat(citations.titled("")).isEmpty();
    }

    @Test
    void findingsCsvCarriesTheTitledSourceBesideTheFileAndLine(@TempDir Path dir) throws Exception {
        assertThat(
                        Cli.execute(
                                        "run",
                                        "--as-of",
                                        "2026-11-24",
                                        "--out",
                                        dir.toString(),
                                        "samples/export/claims.csv")
                                .exitCode())
                .isZero();
        List<String[]> rows;
        try (CSVReader csv = new CSVReader(Files.newBufferedReader(dir.resolve("findings.csv")))) {
            rows = csv.readAll();
        }
        List<String> header = List.of(rows.get(0));
        int source = header.indexOf("source");
        assertThat(header.indexOf("source_document")).isEqualTo(source + 1);
        String[] addOn =
                rows.stream()
                        .filter(row -> row[4].equals("NCCI-AOC-001"))
                        .findFirst()
                        .orElseThrow();
        assertThat(addOn[source]).matches(".*002_[0-9a-f]+\\.txt:3, .*");
        assertThat(addOn[source + 1])
                .contains("0753T: ")
                .contains(", line 3, ")
                .doesNotContain(".txt:");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html)
                .contains(
                        addOn[source + 1].substring(
                                addOn[source + 1].indexOf("0753T: "),
                                addOn[source + 1].indexOf(", line 3")));
    }
}
