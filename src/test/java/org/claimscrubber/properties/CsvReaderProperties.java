package org.claimscrubber.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.claimscrubber.domain.ClaimLines;
import org.claimscrubber.input.ClaimCsvReader;
import org.claimscrubber.input.Column;
import org.claimscrubber.input.CsvRecord;
import org.claimscrubber.input.InputFileException;
import org.claimscrubber.input.ParsedRow;
import org.claimscrubber.input.RowParser;

/**
 * Random and mutated exports never crash the reader, and every non-blank line is accounted for:
 * each record read is a scrubbed row or a rejected one, and no more records come out than lines
 * went in.
 */
class CsvReaderProperties {

    private static final String HEADER =
            "claim_id,line_number,date_of_service,procedure_code,modifiers,units,"
                    + "diagnosis_codes,patient_sex";
    private static final String GOOD =
            "C1,1,2026-11-02,99213,26,1,C50.911,F\nC1,2,2026-11-02,0352T,,1,C50.912,F\n"
                    + "C2,1,11/02/2026,88305,,2,C18.9,M\n";

    /**
     * Reads every record and parses it as the batch does; returns {records, scrubbed, rejected}.
     */
    private static long[] readAll(String text) {
        try (ClaimCsvReader reader =
                ClaimCsvReader.open(
                        "random.csv",
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            RowParser parser = new RowParser(reader.columns(), "random.csv");
            long records = 0;
            long scrubbed = 0;
            long rejected = 0;
            CsvRecord record;
            while ((record = reader.next()) != null) {
                records++;
                if (record.isMalformed()) {
                    rejected++;
                    continue;
                }
                ParsedRow row =
                        parser.parse(record.cells(), record.line(), 0, new ClaimLines("random"));
                if (row.rejected()) {
                    rejected++;
                    assertThat(row.problems()).isNotEmpty();
                } else {
                    scrubbed++;
                }
            }
            return new long[] {records, scrubbed, rejected};
        } catch (InputFileException unusable) {
            return null; // a file that cannot be used is an answer too (exit 3)
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static long nonBlankLines(String text) {
        return text.lines().filter(line -> !line.isBlank()).count();
    }

    @Property(tries = 1000)
    void randomTextUnderAHeaderNeverCrashesAndEveryRecordIsAccounted(
            @ForAll("csvText") String body) {
        String text = HEADER + "\n" + body;
        long[] counts = readAll(text);
        assertThat(counts).isNotNull();
        assertThat(counts[0]).isEqualTo(counts[1] + counts[2]);
        assertThat(counts[0]).isLessThanOrEqualTo(nonBlankLines(text) - 1);
    }

    @Property(tries = 1000)
    void mutatedExportsNeverCrashAndEveryRecordIsAccounted(
            @ForAll("mutations") List<int[]> mutations) {
        StringBuilder text = new StringBuilder(HEADER + "\n" + GOOD);
        String inserts = "\",\n\r\u0000\uFFFD;|=";
        for (int[] mutation : mutations) {
            int at =
                    HEADER.length()
                            + 1
                            + Math.floorMod(
                                    mutation[1], Math.max(1, text.length() - HEADER.length() - 1));
            if (at >= text.length()) {
                continue;
            }
            switch (Math.floorMod(mutation[0], 3)) {
                case 0 -> text.deleteCharAt(at);
                case 1 ->
                        text.insert(
                                at, inserts.charAt(Math.floorMod(mutation[2], inserts.length())));
                default -> text.setLength(at);
            }
        }
        long[] counts = readAll(text.toString());
        if (counts != null) {
            assertThat(counts[0]).isEqualTo(counts[1] + counts[2]);
            assertThat(counts[0])
                    .isLessThanOrEqualTo(Math.max(0, nonBlankLines(text.toString()) - 1));
        }
    }

    @Property(tries = 1000)
    void anyHeaderIsReadOrRefusedWithAMessage(@ForAll("csvText") String text) {
        try (ClaimCsvReader reader =
                ClaimCsvReader.open(
                        "random.csv",
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            // Read: every required column is mapped to a column the header has.
            for (Column column : Column.values()) {
                if (column.required()) {
                    // the header cell the column is read from names that column (any case, _ - and
                    // space alike)
                    String cell = reader.columns().get(reader.header(), column);
                    assertThat(cell.toLowerCase(Locale.ROOT).replaceAll("[ _-]", ""))
                            .as(column.header())
                            .isEqualTo(column.header().replace("_", ""));
                }
            }
            assertThat(reader.columns().width()).isBetween(1, reader.header().length);
        } catch (InputFileException refused) {
            // Refused: one sentence naming the file and line 1, never a Java exception's text.
            assertThat(refused.getMessage())
                    .startsWith("random.csv")
                    .doesNotContain("Exception", "\tat ");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Provide
    Arbitrary<String> csvText() {
        Arbitrary<String> cell =
                Arbitraries.oneOf(
                        Arbitraries.strings().withChars("abcXYZ0123456789.-/ ").ofMaxLength(12),
                        Arbitraries.strings()
                                .withChars("\",\n\r\u0000\u00e9\uFFFD;|")
                                .ofMaxLength(4),
                        Arbitraries.of(
                                "C1",
                                "1",
                                "2026-11-02",
                                "99213",
                                "0352T",
                                "C50.911",
                                "26;TC",
                                "",
                                "\"\"",
                                "claim_id",
                                "Line Number",
                                "date-of-service",
                                "PROCEDURE_CODE",
                                "units"));
        Arbitrary<String> line =
                cell.list().ofMinSize(0).ofMaxSize(12).map(cells -> String.join(",", cells));
        return line.list().ofMaxSize(15).map(lines -> String.join("\n", lines));
    }

    @Provide
    Arbitrary<List<int[]>> mutations() {
        Arbitrary<int[]> mutation =
                Combinators.combine(
                                Arbitraries.integers(),
                                Arbitraries.integers(),
                                Arbitraries.integers())
                        .as((kind, at, what) -> new int[] {kind, at, what});
        return mutation.list().ofMinSize(1).ofMaxSize(8).map(ArrayList::new);
    }
}
