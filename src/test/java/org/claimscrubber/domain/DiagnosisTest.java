package org.claimscrubber.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Side and sex come from the ICD-10-CM code structure, not from any document's description. */
class DiagnosisTest {

    @ParameterizedTest
    @CsvSource({
        "C50.911, RIGHT, FEMALE",
        "C50.912, LEFT, FEMALE",
        "C50.919, UNSPECIFIED, FEMALE",
        "C50.921, RIGHT, MALE",
        "C50.922, LEFT, MALE",
        "C50.412, LEFT, FEMALE",
        "D05.91, RIGHT, UNKNOWN",
        "D05.92, LEFT, UNKNOWN",
        "D05.90, UNSPECIFIED, UNKNOWN",
        "N63.10, RIGHT, UNKNOWN",
        "N63.20, LEFT, UNKNOWN",
        "C61, NOT_SIDED, MALE",
        "N83.20, NOT_SIDED, FEMALE",
        "C56.1, NOT_SIDED, FEMALE",
        "C77.3, NOT_SIDED, UNKNOWN",
        "C18.9, NOT_SIDED, UNKNOWN",
        "O80, NOT_SIDED, FEMALE"
    })
    void sideAndSexFollowTheCode(String code, Side side, Sex sex) {
        Diagnosis diagnosis = Diagnosis.of(code);
        assertThat(diagnosis.side()).isEqualTo(side);
        assertThat(diagnosis.impliedSex()).isEqualTo(sex);
    }

    @ParameterizedTest
    @CsvSource({
        "c50911, C50.911",
        "C50.911, C50.911",
        " d0590 , D05.90",
        "C61, C61",
        "50911, 50911",
        "C509.11, C509.11"
    })
    void diagnosisCodesAreNormalisedOnlyWhenTheirShapeIsClear(String raw, String expected) {
        assertThat(Codes.diagnosis(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "PROCEDURE, 0352T, true",
        "PROCEDURE, 19301, true",
        "PROCEDURE, G0463, true",
        "PROCEDURE, 9921, false",
        "DIAGNOSIS, C50.911, true",
        "DIAGNOSIS, C509.11, false",
        "MODIFIER, RT, true",
        "MODIFIER, RTX, false",
        "TAXONOMY, 207Q00000X, true",
        "TAXONOMY, 207XS0100X, true",
        "TAXONOMY, 207Q0000X, false",
        "PLACE_OF_SERVICE, 22, true",
        "PLACE_OF_SERVICE, 222, false"
    })
    void formats(CodeFormat format, String code, boolean accepted) {
        assertThat(format.accepts(code)).isEqualTo(accepted);
    }
}
