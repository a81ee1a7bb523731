package org.claimscrubber.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.claimscrubber.report.SpreadsheetSafe;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reader's warning and the writers' neutralising use one test, so a warned cell is always
 * neutralised.
 */
class SpreadsheetFormulaTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=SUM(A1)",
                "@cmd",
                "+cmd",
                "-cmd",
                "-2+3+cmd|x",
                "+",
                "-",
                "\tx",
                "\rx",
                "-1e5",
                // issue 21: spreadsheets skip leading spaces and read full-width and minus signs as
                // the ASCII ones
                " =1+1",
                "\u00A0=1+1",
                "\u3000@cmd",
                "\uFF1D1+1",
                "\uFF0Bcmd",
                "\uFF0Dcmd",
                "\u2212cmd",
                "\uFF20cmd"
            })
    void formulasAreWarnedAndNeutralised(String cell) {
        assertThat(SpreadsheetFormula.looksLike(cell)).isTrue();
        assertThat(SpreadsheetSafe.cell(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5.00", "+3", "-0.5", "12", "C50.911", "", "a=b", "   ", " -5.00"})
    void numbersAndTextAreLeftAsWritten(String cell) {
        assertThat(SpreadsheetFormula.looksLike(cell)).isFalse();
        assertThat(SpreadsheetSafe.cell(cell)).isEqualTo(cell);
    }
}
