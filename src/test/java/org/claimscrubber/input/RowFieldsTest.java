package org.claimscrubber.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every export column is readable by name from a rule, except the ones that identify the patient.
 */
class RowFieldsTest {

    private static final String[] HEADER = {
        "Claim ID",
        "Line #",
        "DOS",
        "CPT",
        "Auth #",
        "Billing Provider NPI",
        "Patient ID",
        "DOB",
        "Pt Acct"
    };
    private static final String[] ROW = {
        "C1", "1", "2026-09-14", "99213", " PA-42 ", "1234567893", "PT-9", "1961-04-30", "ACCT-7"
    };

    @Test
    void aColumnIsReadByItsHeaderOrItsDocumentedNameInAnyCase() throws Exception {
        ColumnMap columns = ColumnMap.of("x.csv", HEADER);
        assertThat(columns.field(ROW, "Auth #"))
                .as("the prior authorization alias")
                .isEqualTo("PA-42");
        assertThat(columns.field(ROW, "prior_authorization")).isEqualTo("PA-42");
        assertThat(columns.field(ROW, "billing_npi")).isEqualTo("1234567893");
        assertThat(columns.field(ROW, "BILLING-PROVIDER-NPI")).isEqualTo("1234567893");
        assertThat(columns.field(ROW, "no such column")).isEmpty();
    }

    @Test
    void patientIdentifiersAreNeverGiven() throws Exception {
        ColumnMap columns = ColumnMap.of("x.csv", HEADER);
        assertThat(columns.field(ROW, "patient_id")).isEmpty();
        assertThat(columns.field(ROW, "Patient ID")).isEmpty();
        assertThat(columns.field(ROW, "DOB")).isEmpty();
        assertThat(columns.field(ROW, "patient_birth_date")).isEmpty();
        assertThat(
                        ColumnMap.of(
                                        "x.csv",
                                        new String[] {
                                            "Claim ID", "Line #", "DOS", "CPT", "Pt Acct"
                                        })
                                .field(
                                        new String[] {"C1", "1", "2026-09-14", "99213", "ACCT-7"},
                                        "Pt Acct"))
                .as("an unknown column is readable")
                .isEqualTo("ACCT-7");
        ColumnMap mapped =
                ColumnMap.of(
                        "x.csv",
                        new String[] {"Claim ID", "Line #", "DOS", "CPT", "Pt Acct"},
                        Map.of(Column.PATIENT_ID, List.of("Pt Acct")));
        assertThat(
                        mapped.field(
                                new String[] {"C1", "1", "2026-09-14", "99213", "ACCT-7"},
                                "Pt Acct"))
                .as("the config maps it to the patient id: never given")
                .isEmpty();
    }
}
