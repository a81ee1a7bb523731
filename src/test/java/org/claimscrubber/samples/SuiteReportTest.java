package org.claimscrubber.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.claimscrubber.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an analyst reads when a sample case fails: the findings missing and the findings not
 * expected.
 */
class SuiteReportTest {

    @TempDir Path dir;

    @Test
    void aDeliberateMissPrintsItsDifferenceAndTestExitsOne() throws Exception {
        Path suite = dir.resolve("add-ons");
        Files.createDirectories(suite);
        Files.writeString(
                suite.resolve("claims.csv"),
                """
                claim_id,line_number,date_of_service,procedure_code,diagnosis_codes,case_note
                A,1,2022-06-01,0471T,L57.0,the add-on alone
                B,1,2022-06-01,0470T,L57.0,its primary alone
                """);
        Files.writeString(
                suite.resolve("expected.csv"),
                """
                claim_id,line_number,rule_id
                B,1,ADDON-001
                """);
        StringWriter out = new StringWriter();
        int exit =
                Main.execute(
                        new PrintWriter(out),
                        new PrintWriter(new StringWriter()),
                        "test",
                        "--rules",
                        "rules",
                        "--seeds",
                        "seeds",
                        "--as-of",
                        "2026-11-24",
                        dir.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString())
                .isEqualTo(
                        String.join(
                                "\n",
                                "FAIL  " + suite + ": claim A - the add-on alone",
                                "        not expected: ADDON-001 on line 1: 0471T is an add-on code, but its primary code 0470T is"
                                        + " not on the claim for 2022-06-01",
                                "FAIL  " + suite + ": claim B - its primary alone",
                                "        missing:      ADDON-001 on line 1",
                                "1 suite, 2 cases: 0 passed, 2 failed",
                                ""));
    }
}
