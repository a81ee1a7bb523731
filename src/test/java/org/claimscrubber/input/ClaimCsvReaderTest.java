package org.claimscrubber.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.domain.ClaimLine;
import org.claimscrubber.domain.ClaimLines;
import org.claimscrubber.domain.InputProblem;
import org.claimscrubber.domain.Side;
import org.junit.jupiter.api.Test;

/**
 * Reading claim exports: flexible headers, bad rows reported with file, line and field, unusable
 * files refused.
 */
class ClaimCsvReaderTest {

    private static final String HEADER =
            "claim_id,line_number,date_of_service,procedure_code,modifiers,units,diagnosis_codes\n";

    /** Reads every row of the text as the batch does, with claim order 0. */
    private static List<ParsedRow> rows(String csv) throws Exception {
        ClaimCsvReader reader =
                ClaimCsvReader.open(
                        "claims.csv",
                        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        RowParser parser = new RowParser(reader.columns(), "claims.csv");
        List<ParsedRow> rows = new ArrayList<>();
        CsvRecord record;
        while ((record = reader.next()) != null) {
            rows.add(
                    record.isMalformed()
                            ? new ParsedRow(
                                    "",
                                    null,
                                    List.of(
                                            new InputProblem(
                                                    "",
                                                    0,
                                                    null,
                                                    null,
                                                    record.malformed(),
                                                    true,
                                                    "claims.csv",
                                                    record.line())))
                            : parser.parse(
                                    record.cells(), record.line(), 0, new ClaimLines("test")));
        }
        return rows;
    }

    private static ParsedRow row(String csv) throws Exception {
        List<ParsedRow> rows = rows(csv);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void readsAGoodRowWithNormalisedCodes() throws Exception {
        ParsedRow row = row(HEADER + "C1,1,2026-11-02,0352t,rt;26,2,c50911|D05.90\n");
        assertThat(row.rejected()).isFalse();
        ClaimLine line = row.line();
        assertThat(line.procedureCode()).isEqualTo("0352T");
        assertThat(line.modifiers()).containsExactly("RT", "26");
        assertThat(line.units()).isEqualTo(2);
        assertThat(line.diagnosisCodes()).containsExactly("C50.911", "D05.90");
        assertThat(line.diagnoses().get(0).side()).isEqualTo(Side.RIGHT);
        assertThat(line.dateOfService()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(line.sourceLine()).isEqualTo(2);
    }

    @Test
    void headersMatchWhateverTheirCaseAndSeparators() throws Exception {
        String csv =
                "Diagnosis 2,Procedure-Code,DATE OF SERVICE,Line_Number,claim id,Modifier 1,Modifier 2,Diagnosis 1\n"
                        + "D05.90,19301,11/02/2026,3,C9,RT,59,C50.911\n";
        ClaimLine line = row(csv).line();
        assertThat(line.claimId()).isEqualTo("C9");
        assertThat(line.lineNumber()).isEqualTo(3);
        assertThat(line.modifiers()).containsExactly("RT", "59");
        assertThat(line.diagnosisCodes()).containsExactly("C50.911", "D05.90");
        assertThat(line.units()).as("default").isEqualTo(1);
    }

    @Test
    void aMissingRequiredFieldRejectsTheRowAndNamesTheField() throws Exception {
        ParsedRow row = row(HEADER + "C1,1,,99213,,1,C50.911\n");
        assertThat(row.rejected()).isTrue();
        assertThat(row.problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.field()).isEqualTo("date_of_service");
                            assertThat(p.location()).isEqualTo("claims.csv:2");
                            assertThat(p.claimId()).isEqualTo("C1");
                            assertThat(p.lineNumber()).isEqualTo(1);
                        });
    }

    @Test
    void nonNumericUnitsRejectTheRow() throws Exception {
        ParsedRow row = row(HEADER + "C1,1,2026-11-02,99213,,1.5,C50.911\n");
        assertThat(row.rejected()).isTrue();
        assertThat(row.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("units"));
        assertThat(row(HEADER + "C1,1,2026-11-02,99213,,2.0,C50.911\n").line().units())
                .isEqualTo(2);
        assertThat(row(HEADER + "C1,1,2026-11-02,99213,,99999999999,C50.911\n").problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("too large"));
    }

    @Test
    void impossibleDatesRejectTheRow() throws Exception {
        assertThat(row(HEADER + "C1,1,2026-02-30,99213,,1,C50.911\n").problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("2026-02-30", "not a valid date"));
        assertThat(row(HEADER + "C1,1,13/01/2026,99213,,1,C50.911\n").rejected()).isTrue();
    }

    @Test
    void aWrongFieldCountRejectsTheRowButKeepsItsClaimAndLine() throws Exception {
        ParsedRow row = row(HEADER + "C1,4,2026-11-02,99213\n");
        assertThat(row.rejected()).isTrue();
        assertThat(row.problems())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.message()).contains("4 fields", "header has 7");
                            assertThat(p.claimId()).isEqualTo("C1");
                            assertThat(p.lineNumber()).isEqualTo(4);
                        });
        assertThat(row(HEADER + "C1,1,2026-11-02,99213,,1,C50.911,extra\n").rejected()).isTrue();
    }

    @Test
    void aTrailingDelimiterIsTolerated() throws Exception {
        assertThat(row(HEADER + "C1,1,2026-11-02,99213,,1,C50.911,\n").rejected()).isFalse();
    }

    @Test
    void everyProblemOfARowIsReported() throws Exception {
        ParsedRow row = row(HEADER + "C1,x,2026-13-01,,,lots,C50.911\n");
        assertThat(row.problems())
                .extracting(InputProblem::field)
                .containsExactlyInAnyOrder(
                        "line_number", "date_of_service", "procedure_code", "units");
    }

    @Test
    void blankLinesAreSkippedAndTheRestIsRead() throws Exception {
        List<ParsedRow> rows =
                rows(
                        HEADER
                                + "\nC1,1,2026-11-02,99213,,1,C50.911\n\n\nC2,1,2026-11-02,99213,,1,C50.911\n");
        assertThat(rows).hasSize(2).allMatch(r -> !r.rejected());
        assertThat(rows.get(1).line().sourceLine()).isEqualTo(6);
    }

    @Test
    void aByteOrderMarkIsIgnored() throws Exception {
        assertThat(row("\uFEFF" + HEADER + "C1,1,2026-11-02,99213,,1,C50.911\n").rejected())
                .isFalse();
    }

    @Test
    void aMissingRequiredColumnMakesTheFileUnusableAndNamesTheColumnsFound() {
        assertThatThrownBy(() -> rows("claim_id,line_number,procedure_code\nC1,1,99213\n"))
                .isInstanceOf(InputFileException.class)
                .hasMessage(
                        "claims.csv:1: required column date_of_service is missing; columns found: "
                                + "'claim_id', 'line_number', 'procedure_code'; if the export names it otherwise, say so in"
                                + " --config: column.date_of_service = <the header of that column>");
    }

    @Test
    void anEmptyFileIsUnusable() {
        assertThatThrownBy(() -> rows(""))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void aColumnNamedTwiceIsAmbiguous() {
        assertThatThrownBy(() -> rows(HEADER.strip() + ",Units\n"))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("'units' appears twice");
    }

    /**
     * Issue 10 defect 5: the limit was per line, so a quoted cell over 100 lines could reach 800M
     * characters.
     */
    @Test
    void aRecordIsBoundedInCharactersNotOnlyPerLine() throws Exception {
        String big = "x".repeat(3 << 20);
        String text =
                "claim_id,line_number,date_of_service,procedure_code\n"
                        + "C1,1,2026-11-02,\""
                        + big
                        + "\n"
                        + big
                        + "\n"
                        + big
                        + "\n"
                        + "C2,1,2026-11-02,99213\n";
        try (ClaimCsvReader reader =
                ClaimCsvReader.open(
                        "claims.csv",
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            CsvRecord first = reader.next();
            assertThat(first.isMalformed()).isTrue();
            assertThat(first.malformed())
                    .contains(
                            "not closed within " + ClaimCsvReader.MAX_RECORD_CHARS + " characters");
            CsvRecord record;
            String lastClaim = null;
            while ((record = reader.next()) != null) {
                if (!record.isMalformed()) {
                    lastClaim = record.cells()[0];
                }
            }
            assertThat(lastClaim).as("the rows after it are still read").isEqualTo("C2");
        }
    }
}
