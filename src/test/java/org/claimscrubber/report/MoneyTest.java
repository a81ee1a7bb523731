package org.claimscrubber.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.claimscrubber.input.Charge;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Charges as exports write them, in cents; anything that is not a plain amount counts as nothing.
 */
class MoneyTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "4210.00|421000",
                "96|9600",
                "-5.5|-550",
                "0.07|7",
                "'$4,210.50'|421050",
                "'$1,234,567.00'|123456700",
                "-$5|-500",
                "$-5|-500",
                "' 12.30 '|1230",
                "abc|0",
                "''|0",
                "-|0",
                ".|0"
            })
    void cents(String text, long expected) {
        assertThat(Money.cents(text)).isEqualTo(expected);
    }

    /**
     * Issue 21: each of these was read as some other amount and fed "charges held" ($175,924 from
     * Arabic-Indic digits, $1.23 from a European 1.234,00, a negative total from an overflow). Now
     * none is a charge.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "١٠٠",
                "'1.234,00'",
                "'12,34'",
                "'1,2345'",
                "1.005",
                "99999999999999999999",
                "12 34",
                "1e5",
                "＄100",
                "'$,100'",
                "--5",
                "0x10",
                "१००"
            })
    void textThatIsNotAPlainAmountIsNotACharge(String text) {
        assertThat(Charge.cents(text)).isEqualTo(Charge.NOT_A_CHARGE);
        assertThat(Money.cents(text)).isZero();
    }
}
