package org.claimscrubber.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ICD-10-CM lists by fiscal year: what the jar bundles, and which list a date of service is
 * checked against.
 */
class IcdCodeListTest {

    @TempDir Path dir;

    @Test
    void theBundledListsHoldEveryCodeOfTheCdcFiles() {
        List<IcdCodeList> bundled = IcdCodeList.bundled();
        assertThat(bundled).extracting(IcdCodeList::fiscalYear).containsExactly(2025, 2026);
        assertThat(bundled.get(0).size()).isEqualTo(74_260);
        // Regression (issue 20): 13 FY2026 codes whose second character is a letter were dropped
        // (74,706 read).
        assertThat(bundled.get(1).size()).isEqualTo(74_719);
        assertThat(bundled.get(1).isBillable("QA0.0101")).isTrue();
        assertThat(CodeFormat.DIAGNOSIS.accepts("QA0.0101")).isTrue();
        assertThat(Codes.diagnosis("qa00101")).isEqualTo("QA0.0101");
    }

    @Test
    void aFiscalYearRunsFromOctoberToSeptember() {
        assertThat(IcdCodeList.fiscalYearOf(LocalDate.of(2025, 9, 30))).isEqualTo(2025);
        assertThat(IcdCodeList.fiscalYearOf(LocalDate.of(2025, 10, 1))).isEqualTo(2026);
        assertThat(IcdCodeList.fiscalYearNamedIn("icd10cm-codes-2027.txt")).isEqualTo(2027);
        assertThat(IcdCodeList.fiscalYearNamedIn("icd10cm_order_2027.txt")).isEqualTo(2027);
        assertThat(IcdCodeList.fiscalYearNamedIn("order.txt")).isEqualTo(IcdCodeList.ANY_YEAR);
        assertThat(IcdCodeList.fiscalYearNamedIn("codes-120251.txt"))
                .as("not a year")
                .isEqualTo(IcdCodeList.ANY_YEAR);
    }

    @Test
    void eachDateIsCheckedAgainstItsYearsListAndADateNoListCoversIsNotChecked() throws Exception {
        Path fy2027 = dir.resolve("icd10cm-codes-2027.txt");
        Files.writeString(
                fy2027,
                "E11A    Type 2 diabetes mellitus without complications in remission\r\n"
                        + "Z9999   A code written for this test\r\n");
        DiagnosisCodes codes =
                new DiagnosisCodes(
                        List.of(
                                IcdCodeList.bundled().get(0),
                                IcdCodeList.bundled().get(1),
                                IcdCodeList.read(fy2027)),
                        Map.of());
        assertThat(codes.isUnknownOn("Z99.99", LocalDate.of(2026, 9, 30))).isTrue();
        assertThat(codes.isUnknownOn("Z99.99", LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(codes.releaseFor(LocalDate.of(2026, 10, 1))).isEqualTo("icd10cm-codes-2027.txt");
        assertThat(codes.covers(LocalDate.of(2027, 10, 1))).isFalse();
        assertThat(codes.isUnknownOn("Z99.99", LocalDate.of(2027, 10, 1)))
                .as("not checked, not unknown")
                .isFalse();
        assertThat(codes.isUnbillableNearOn("C50.999", LocalDate.of(2027, 10, 1))).isTrue();
        assertThat(codes.nearest(LocalDate.of(2024, 1, 1)).fiscalYear()).isEqualTo(2025);
        assertThat(codes.yearsLoaded()).isEqualTo("FY2025, FY2026, FY2027");
    }
}
