package org.claimscrubber.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Header rows: names in any case and spelling of separators, in any order; what is refused, and
 * how.
 */
class ColumnMapTest {

    private static final String[] CANONICAL = {
        "claim_id", "line_number", "date_of_service", "procedure_code"
    };

    @Test
    void namesMatchWhateverTheirCaseAndSeparators() throws Exception {
        ColumnMap map =
                ColumnMap.of(
                        "f.csv",
                        new String[] {
                            "Procedure Code", "CLAIM-ID", "Date of Service", "line_number"
                        });
        String[] row = {"0352T", "C1", "2026-11-02", "2"};
        assertThat(map.get(row, Column.CLAIM_ID)).isEqualTo("C1");
        assertThat(map.get(row, Column.PROCEDURE_CODE)).isEqualTo("0352T");
        assertThat(map.get(row, Column.LINE_NUMBER)).isEqualTo("2");
        assertThat(map.isFirst(Column.PROCEDURE_CODE)).isTrue();
        assertThat(map.isFirst(Column.CLAIM_ID)).isFalse();
    }

    @Test
    void anAbsentOptionalColumnReadsAsEmpty() throws Exception {
        ColumnMap map = ColumnMap.of("f.csv", CANONICAL);
        assertThat(map.get(new String[] {"C1", "1", "2026-11-02", "99213"}, Column.MODIFIERS))
                .isEmpty();
        assertThat(map.get(new String[] {"C1"}, Column.PROCEDURE_CODE)).as("a short row").isEmpty();
    }

    @Test
    void unknownColumnsAreListedAndATrailingDelimiterIsNotAColumn() throws Exception {
        ColumnMap map =
                ColumnMap.of(
                        "f.csv",
                        new String[] {
                            "claim_id",
                            "line_number",
                            "date_of_service",
                            "procedure_code",
                            "Case Note",
                            "",
                            ""
                        });
        assertThat(map.ignored()).containsExactly("Case Note");
        assertThat(map.width()).isEqualTo(5);
    }

    @Test
    void aColumnNamedTwiceIsRefused() {
        assertThatThrownBy(
                        () ->
                                ColumnMap.of(
                                        "f.csv",
                                        new String[] {
                                            "claim_id",
                                            "line_number",
                                            "date_of_service",
                                            "procedure_code",
                                            "Units",
                                            "units"
                                        }))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("f.csv:1: column 'units' appears twice (columns 5 and 6");
    }

    @Test
    void aMissingRequiredColumnListsTheHeaderButNoCellThatLooksLikeData() {
        assertThatThrownBy(
                        () ->
                                ColumnMap.of(
                                        "f.csv",
                                        new String[] {
                                            "claim_id", "PT4711", "procedure_code", "Ln #", "Svc Dt"
                                        }))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("required columns line_number, date_of_service are missing")
                .hasMessageContaining(
                        "columns found: 'claim_id', 'procedure_code', 'Ln #', 'Svc Dt' and 1 more that"
                                + " looks like data, not shown")
                .hasMessageContaining("column.line_number = <the header of that column>")
                .hasMessageNotContaining("PT4711");
    }

    /** Issue 23: the likeliest header for a missing column is suggested as a --config line. */
    @Test
    void aMisspeltRequiredColumnIsSuggestedAsAConfigLine() {
        assertThatThrownBy(
                        () ->
                                ColumnMap.of(
                                        "f.csv",
                                        new String[] {
                                            "claim_idd",
                                            "line_number",
                                            "date_of_service",
                                            "procedure_code"
                                        }))
                .hasMessageContaining("column.claim_id = claim_idd");
    }

    @Test
    void aLineNamingNoKnownColumnIsNotAHeaderAndIsNotEchoed() {
        assertThatThrownBy(() -> ColumnMap.of("f.csv", new String[] {"C1", "Smith", "1957-03-14"}))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("not a header row")
                .hasMessageNotContaining("Smith")
                .hasMessageNotContaining("1957");
    }

    @Test
    void aMisspelledColumnIsNamedWithItsLikelyMatch() throws Exception {
        ColumnMap map =
                ColumnMap.of(
                        "f.csv",
                        new String[] {
                            "claim_id",
                            "line_number",
                            "date_of_service",
                            "procedure_code",
                            "diagnosis_codez",
                            "rendering_taxonmy",
                            "Case Note"
                        });
        assertThat(map.missingForRules())
                .contains(
                        "column 'diagnosis_codez' is not read: did you mean diagnosis_codes?",
                        "column 'rendering_taxonmy' is not read: did you mean rendering_taxonomy?")
                .noneMatch(note -> note.contains("Case Note"));
    }

    @Test
    void theConfigCanNameMoreColumns() throws Exception {
        ColumnMap map =
                ColumnMap.of(
                        "f.csv",
                        new String[] {"Clm", "Ln", "Svc Dt", "Proc Cd"},
                        Map.of(
                                Column.CLAIM_ID,
                                List.of("Clm"),
                                Column.LINE_NUMBER,
                                List.of("Ln"),
                                Column.DATE_OF_SERVICE,
                                List.of("Svc Dt"),
                                Column.PROCEDURE_CODE,
                                List.of("Proc Cd")));
        assertThat(map.get(new String[] {"C1", "1", "2026-11-02", "99213"}, Column.PROCEDURE_CODE))
                .isEqualTo("99213");
    }
}
