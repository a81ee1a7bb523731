package org.claimscrubber.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.claimscrubber.domain.FeeSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CMS PPRRVU file in its published layout: the two header rows, global rows only, clear errors.
 */
class PprrvuFileTest {

    private static final Path EXCERPT =
            Path.of("samples/rules/fee-schedule/reference/PPRRVU21_JAN-excerpt.csv");

    @TempDir Path dir;

    @Test
    void readsTheIndicatorsOfTheGlobalRowsByTheJoinedHeaderNames() throws Exception {
        assertThat(PprrvuFile.looksLikeOne(EXCERPT)).isTrue();
        PprrvuFile.Loaded loaded = PprrvuFile.read(EXCERPT);
        assertThat(loaded.byCode()).containsOnlyKeys("99201", "99213", "19120", "73030");
        FeeSchedule.Indicators xray = loaded.byCode().get("73030");
        assertThat(xray.pcTc()).isEqualTo("1");
        assertThat(xray.bilateral()).isEqualTo("3");
        assertThat(xray.source())
                .startsWith("PPRRVU21_JAN-excerpt.csv:8")
                .doesNotContain("descriptor");
        assertThat(loaded.byCode().get("99201").deletedFrom())
                .as("status D, from the title's year")
                .isEqualTo(LocalDate.of(2021, 1, 1));
        assertThat(loaded.release()).contains("2021", "4 codes");
    }

    @Test
    void aHeaderWithoutTheIndicatorColumnsNamesWhatIsMissing() throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("PPRRVU26_JAN.csv"),
                        "HCPCS,MOD,DESCRIPTION,CODE\n99213,,x,A\n");
        assertThatThrownBy(() -> PprrvuFile.read(file))
                .isInstanceOf(FactsException.class)
                .hasMessageContaining(
                        "PPRRVU26_JAN.csv:1: the PPRRVU header lacks STATUS CODE, PCTC IND, BILAT SURG");
    }

    @Test
    void anIndicatorThatIsNotADigitNamesItsLine() throws Exception {
        String text =
                Files.readString(EXCERPT)
                        .replace(
                                "73030,,(descriptor omitted),A,,0.18,0.70,,0.70,,0.01,0.90,0.90,1,XXX,0.00,0.00,0.00,0,3",
                                "73030,,(descriptor omitted),A,,0.18,0.70,,0.70,,0.01,0.90,0.90,1,XXX,0.00,0.00,0.00,0,B");
        Path file = Files.writeString(dir.resolve("PPRRVU21_JAN.csv"), text);
        assertThatThrownBy(() -> PprrvuFile.read(file))
                .hasMessageContaining(
                        "PPRRVU21_JAN.csv:8: 73030 has PCTC IND '1' and BILAT SURG 'B'");
    }
}
