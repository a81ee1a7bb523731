package org.claimscrubber.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReader;
import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.claimscrubber.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exports as practice-management systems write them give the findings of the canonical layout. */
class ExportLayoutsTest {

    private static final Path EXPORT = Path.of("samples/export/claims.csv");

    /** The sample export's headers as billing systems name them. */
    private static final Map<String, String> BILLING_NAMES =
            Map.ofEntries(
                    Map.entry("Claim ID", "Claim Number"),
                    Map.entry("Line Number", "Line #"),
                    Map.entry("Date of Service", "DOS"),
                    Map.entry("Procedure Code", "CPT Code"),
                    Map.entry("Modifier 1", "Mod 1"),
                    Map.entry("Modifier 2", "Mod 2"),
                    Map.entry("Units", "Days or Units"),
                    Map.entry("Diagnosis 1", "Dx 1"),
                    Map.entry("Diagnosis 2", "Dx 2"),
                    Map.entry("Rendering Taxonomy", "Rendering Provider Taxonomy"),
                    Map.entry("Place of Service", "POS"),
                    Map.entry("Charge", "Billed Amount"));

    @TempDir Path dir;

    private Path rewrite(char separator, boolean billingNames) throws Exception {
        Path file = dir.resolve("export-" + (int) separator + ".csv");
        try (CSVReader in = new CSVReader(Files.newBufferedReader(EXPORT));
                ICSVWriter out =
                        new CSVWriterBuilder(Files.newBufferedWriter(file))
                                .withSeparator(separator)
                                .build()) {
            String[] header = in.readNext();
            for (int i = 0; i < header.length; i++) {
                header[i] =
                        billingNames ? BILLING_NAMES.getOrDefault(header[i], header[i]) : header[i];
            }
            out.writeNext(header, false);
            String[] row;
            while ((row = in.readNext()) != null) {
                out.writeNext(row, false);
            }
        }
        return file;
    }

    /** The findings without the input file column, which names the file. */
    private List<String> findings(Path export) throws Exception {
        Path out = dir.resolve("out-" + export.getFileName());
        int code = Cli.scrub(out.toString(), export.toString()).exitCode();
        assertThat(code).isZero();
        return Files.readAllLines(out.resolve("findings.csv")).stream()
                .map(line -> line.replace(export.toString(), "<input>"))
                .toList();
    }

    @ParameterizedTest
    @ValueSource(chars = {';', '\t', '|'})
    void anotherSeparatorAndBillingSystemHeadersGiveTheSameFindings(char separator)
            throws Exception {
        List<String> canonical = findings(EXPORT);
        assertThat(findings(rewrite(separator, true))).isEqualTo(canonical);
    }

    @Test
    void commasWithBillingSystemHeadersGiveTheSameFindings() throws Exception {
        assertThat(findings(rewrite(',', true))).isEqualTo(findings(EXPORT));
    }

    /**
     * A run whose export has no diagnosis column says so once, instead of a DX-002 ERROR on every
     * line.
     */
    @Test
    void aColumnMissingFromTheWholeFileIsSaidOnceNotAsAnErrorPerLine() throws Exception {
        Path export =
                Files.writeString(
                        dir.resolve("no-dx.csv"),
                        "Claim Number;Line #;DOS;CPT Code\nC1;1;2026-11-02;99213\nC2;1;2026-11-02;19301\n");
        Cli.Result result =
                Cli.scrub(dir.resolve("o").toString(), "--fail-on", "error", export.toString());
        int code = result.exitCode();
        assertThat(code).as("no finding: --fail-on error passes").isZero();
        assertThat(Files.readAllLines(dir.resolve("o/findings.csv"))).hasSize(1);
        assertThat(result.out()).containsOnlyOnce("no diagnosis column");
        assertThat(Files.readString(dir.resolve("o/run.json")))
                .contains("\"not_checked\"", "no diagnosis column");
    }
}
