package org.claimscrubber.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Charges as exports write them, in cents: the fast path for plain numbers and the general one agree. */
class MoneyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"4210.00|421000", "96|9600", "-5.5|-550", "0.07|7", "'$4,210.50'|421050",
        "1.005|100", "' 12.30 '|1230", "abc|0", "''|0", "-|0", ".|0"})
    void cents(String text, long expected) {
        assertThat(Money.cents(text)).isEqualTo(expected);
    }
}
