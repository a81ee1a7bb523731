package org.claimscrubber.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading a file in parts cut at claim starts (the Spark job, issue 25) gives exactly the records,
 * line numbers and counts of reading it whole, wherever the nominal offsets fall: every byte offset
 * of files with LF, CRLF and lone CR line ends, blank lines, a footer, rows without a claim id and
 * a malformed row.
 */
class ClaimBoundariesTest {

    private static final String HEADER =
            "claim_id,line_number,patient_id,date_of_service,procedure_code,units\n";

    /**
     * Claims of one to four rows, with the things a part boundary must not disturb between them.
     */
    private static String export(String lineEnd) {
        StringBuilder text = new StringBuilder(HEADER.replace("\n", lineEnd));
        for (int claim = 1; claim <= 12; claim++) {
            for (int line = 1; line <= claim % 4 + 1; line++) {
                text.append("C")
                        .append(claim)
                        .append(',')
                        .append(line)
                        .append(",P")
                        .append(claim)
                        .append(",2026-11-0")
                        .append(line)
                        .append(",99213,1")
                        .append(lineEnd);
            }
            switch (claim) {
                case 3 -> text.append(lineEnd); // a blank line between claims
                case 5 -> text.append(",,,,,").append(lineEnd); // a row of delimiters
                case 7 ->
                        text.append(",1,,2026-11-02,99213,1")
                                .append(lineEnd); // a row without a claim id
                case 9 ->
                        text.append("C9,9,P9,2026-11-0\"2,99213,1")
                                .append(lineEnd); // a stray quote: rejected
                default -> {}
            }
        }
        text.append("Total Charges: $1234.00,,,,,").append(lineEnd);
        return text.toString();
    }

    @ParameterizedTest(name = "line ends {0}")
    @ValueSource(strings = {"LF", "CRLF", "CR"})
    void partsCutAtEveryOffsetReadAsTheWholeFile(String ends) throws Exception {
        byte[] file =
                export(
                                switch (ends) {
                                    case "LF" -> "\n";
                                    case "CRLF" -> "\r\n";
                                    default -> "\r";
                                })
                        .getBytes(StandardCharsets.UTF_8);
        Reading whole = readWhole(file);
        assertThat(whole.records).hasSizeGreaterThan(30);
        for (int partBytes = 1; partBytes < file.length; partBytes += partBytes < 16 ? 1 : 13) {
            Reading parts = readInParts(file, partBytes, whole.info);
            assertThat(parts.records).as("parts of %d bytes", partBytes).isEqualTo(whole.records);
            assertThat(parts.counts).as("parts of %d bytes", partBytes).isEqualTo(whole.counts);
        }
    }

    @Test
    void everyCutIsALineThatBeginsAnotherClaimAndKnowsItsLineNumber() throws Exception {
        byte[] file = export("\r\n").getBytes(StandardCharsets.UTF_8);
        SourceInfo info = readWhole(file).info;
        String[] lines = new String(file, StandardCharsets.UTF_8).split("\r\n", -1);
        int cuts = 0;
        for (int from = 1; from < file.length; from++) {
            ClaimBoundaries.Cut cut =
                    ClaimBoundaries.cutAfter(stream(file, from), from, info, 1 << 20);
            if (!cut.found()) {
                continue;
            }
            cuts++;
            assertThat(cut.offset()).isGreaterThan(from);
            long lineEnds =
                    ClaimBoundaries.scan(new ByteArrayInputStream(file), new long[] {from})
                            .lineEndsBefore()[0];
            int line = (int) (1 + lineEnds + cut.lineEndsSkipped());
            String before = new String(file, 0, (int) cut.offset(), StandardCharsets.UTF_8);
            assertThat(before).endsWith("\r\n");
            assertThat(before.split("\r\n", -1))
                    .hasSize(line); // the cut's line number is the file's
            String claimId = lines[line - 1].split(",")[0];
            assertThat(claimId)
                    .isNotEmpty(); // a claim, or the footer (a part of its own, read as a footer)
            String previous =
                    Arrays.stream(lines, 1, line - 1)
                            .map(l -> l.split(",", -1)[0])
                            .filter(id -> !id.isEmpty())
                            .reduce((a, b) -> b)
                            .orElseThrow();
            assertThat(claimId).isNotEqualTo(previous);
        }
        assertThat(cuts).isGreaterThan(file.length / 2);
    }

    @Test
    void aQuotedFieldOverALineEndStopsTheSearchAndIsCounted() throws Exception {
        String text =
                HEADER
                        + "C1,1,P1,2026-11-01,99213,1\nC2,1,\"P\n2\",2026-11-01,99213,1\nC3,1,P3,2026-11-01,99213,1\n";
        byte[] file = text.getBytes(StandardCharsets.UTF_8);
        Reading whole = readWhole(file);
        assertThat(whole.counts.spansLines()).isTrue();
        int quoted = text.indexOf("C2");
        // From inside the first row, the line with the open quote is met before any other claim: no
        // cut.
        assertThat(
                        ClaimBoundaries.cutAfter(
                                        stream(file, quoted - 3), quoted - 3, whole.info, 1 << 20)
                                .found())
                .isFalse();
        assertThat(
                        readWhole(
                                        (HEADER + "C1,1,P1,2026-11-01,99213,1\n")
                                                .getBytes(StandardCharsets.UTF_8))
                                .counts
                                .spansLines())
                .isFalse();
    }

    @Test
    void aScanCountsLineEndsBeforeEachOffsetAsLinesAreCounted() throws Exception {
        byte[] file = "a\r\nb\rc\n\nd\r".getBytes(StandardCharsets.US_ASCII);
        ClaimBoundaries.Scan scan =
                ClaimBoundaries.scan(
                        new ByteArrayInputStream(file), new long[] {0, 2, 3, 5, 6, 8, 10, 11, 99});
        // offset 2 sits between the CR and LF of one line end: it is counted after the LF, at
        // offset 3
        assertThat(scan.lineEndsBefore()).containsExactly(0, 0, 1, 2, 2, 4, 5, -1, -1);
        assertThat(scan.bytes()).isEqualTo(file.length);
    }

    private record Reading(List<String> records, ReadCounts counts, SourceInfo info) {}

    private static Reading readWhole(byte[] file) throws Exception {
        InputSource source = new InputSource("t.csv", null, file.length);
        try (SourceReader reader = new SourceReader(source, new ByteArrayInputStream(file))) {
            SourceInfo info = SourceInfo.of(0, "t.csv", reader);
            List<String> records = drain(reader);
            return new Reading(records, reader.counts(), info);
        }
    }

    /**
     * The file read as the job reads it: cut after each multiple of {@code partBytes}, each part on
     * its own.
     */
    private static Reading readInParts(byte[] file, int partBytes, SourceInfo info)
            throws Exception {
        List<Long> offsets = new ArrayList<>();
        for (long o = 0; o < file.length; o += partBytes) {
            offsets.add(o);
        }
        long[] nominal = offsets.stream().mapToLong(Long::longValue).toArray();
        ClaimBoundaries.Scan scan = ClaimBoundaries.scan(new ByteArrayInputStream(file), nominal);
        List<long[]> starts = new ArrayList<>(List.of(new long[] {0, 1}));
        for (int k = 1; k < nominal.length; k++) {
            ClaimBoundaries.Cut cut =
                    ClaimBoundaries.cutAfter(stream(file, nominal[k]), nominal[k], info, 1 << 20);
            if (cut.found() && cut.offset() > starts.get(starts.size() - 1)[0]) {
                starts.add(
                        new long[] {
                            cut.offset(), 1 + scan.lineEndsBefore()[k] + cut.lineEndsSkipped()
                        });
            }
        }
        InputSource source = new InputSource("t.csv", null, file.length);
        List<String> records = new ArrayList<>();
        ReadCounts counts = null;
        for (int i = 0; i < starts.size(); i++) {
            int start = (int) starts.get(i)[0];
            int end = i + 1 < starts.size() ? (int) starts.get(i + 1)[0] : file.length;
            InputStream part = new ByteArrayInputStream(file, start, end - start);
            try (SourceReader reader =
                    i == 0
                            ? new SourceReader(source, part)
                            : SourceReader.part(source, part, info, starts.get(i)[1])) {
                records.addAll(drain(reader));
                counts = counts == null ? reader.counts() : counts.then(reader.counts());
            }
        }
        return new Reading(records, counts, info);
    }

    private static List<String> drain(SourceReader reader) {
        List<String> records = new ArrayList<>();
        for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
            records.add(
                    record.line()
                            + ":"
                            + String.join("|", record.cells())
                            + ":"
                            + record.malformed());
        }
        return records;
    }

    private static InputStream stream(byte[] file, long from) {
        return new ByteArrayInputStream(file, (int) from, file.length - (int) from);
    }
}
