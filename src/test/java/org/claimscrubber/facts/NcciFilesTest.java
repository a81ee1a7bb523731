package org.claimscrubber.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CMS NCCI files in their published layouts, and a full quarter's PTP table. */
class NcciFilesTest {

    @TempDir Path dir;

    /**
     * A quarterly practitioner PTP table has over a million pairs: 1.2M generated rows load,
     * streamed.
     */
    @Test
    void aFullSizePtpFileLoads() throws Exception {
        Path file = dir.resolve("ccipra-v303r0-f1.txt");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            out.write(
                    "CPT codes, descriptions and other data only are copyright 2023 American Medical Association.\n\n");
            out.write(
                    "Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date\tModifier\tPTP Edit Rationale\n");
            for (int i = 0; i < 1_200_000; i++) {
                out.write(
                        String.format(
                                "%05d\t%05d\t\t20240101\t*\t%d\tGenerated test pair%n",
                                10000 + i % 80000, 10000 + (i * 7919) % 80000, i % 2));
            }
        }
        ReferenceFiles reference = ReferenceFiles.load(dir);
        assertThat(reference.ncci().ptp()).hasSize(1_200_000);
        assertThat(reference.loaded())
                .singleElement()
                .asString()
                .contains("CMS NCCI practitioner PTP, 1200000 edits");
    }

    /**
     * The add-on code edits' fixed-width text: active edits apply; deleted edits and deleted
     * primaries do not.
     */
    @Test
    void theFixedWidthAddOnCodeEditsLoad() throws Exception {
        Files.writeString(
                dir.resolve("AOC_V2024Q3.txt"),
                String.join(
                                "\n",
                                // 0753T with 88305, in effect
                                "10753T202300188305       2023001        ",
                                "188341       88342       2015001       ", // 88341 with 88342
                                "299999       CCCCC       2015001        TEST DATA: contractor-defined primaries",
                                "119999       19301       20150012020001 TEST DATA: a deleted edit",
                                "119998       1930120200012015001        TEST DATA: a deleted primary",
                                "")
                        + "\n",
                StandardCharsets.ISO_8859_1);
        ReferenceFiles reference = ReferenceFiles.load(dir);
        assertThat(reference.ncci().aoc())
                .extracting(a -> a.addOn() + "<-" + a.primaries() + " type " + a.type())
                .containsExactly(
                        "0753T<-[88305] type 1", "88341<-[88342] type 1", "99999<-[] type 2");
        assertThat(reference.loaded())
                .singleElement()
                .asString()
                .contains("AOC_V2024Q3.txt (CMS NCCI add-on code edits, fixed width, 3 edits)");
    }

    @Test
    void aLineThatIsNotTheFixedWidthLayoutNamesTheFileLineAndTheLayout() throws Exception {
        Files.writeString(
                dir.resolve("AOC_V2024Q3.txt"),
                "10753T202300188305       2023001       \n" + "1 0753T 88305 2023-01-01\n");
        assertThatThrownBy(() -> ReferenceFiles.load(dir))
                .isInstanceOf(FactsException.class)
                .hasMessageStartingWith(
                        "AOC_V2024Q3.txt:2: not an add-on code edit record of the fixed-width layout")
                .hasMessageContaining("add-on code (2-6)", "use the .xlsx version");
    }

    @Test
    void aPtpRowWithTooFewFieldsNamesTheFileLineAndExpectedColumns() throws Exception {
        Files.writeString(
                dir.resolve("ptp.txt"),
                "preamble\nColumn 1\tColumn 2\t*=in existence prior to 1996\t"
                        + "Effective Date\tDeletion Date\tModifier\tPTP Edit Rationale\n0352T\t36591\n");
        assertThatThrownBy(() -> ReferenceFiles.load(dir))
                .isInstanceOf(FactsException.class)
                .hasMessageContaining(
                        "ptp.txt:3: a PTP row has 2 fields; expected Column 1, Column 2");
    }

    @Test
    void aMueIndicatorThatIsNotOneTwoOrThreeIsAnError() throws Exception {
        Files.writeString(
                dir.resolve("mue.csv"),
                "HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication"
                        + " Indicator,MUE Rationale\n0352T,5,Clinical,x\n");
        assertThatThrownBy(() -> ReferenceFiles.load(dir))
                .isInstanceOf(FactsException.class)
                .hasMessageContaining(
                        "mue.csv:2: MUE Adjudication Indicator 'Clinical' does not start with 1, 2 or 3");
    }

    @Test
    void theCuratedRowsGiveTheSeedCodesMuesAndAddOnEdits() throws Exception {
        var edits = NcciFiles.curated(Files.readString(Path.of("seeds", NcciFiles.CURATED)));
        assertThat(edits.mue("0353T").value()).isEqualTo(2);
        assertThat(edits.mue("0353T").adjudicationIndicator()).isEqualTo(3);
        assertThat(edits.aoc("0753T").primaries()).containsExactly("88305");
        assertThat(edits.mue("0971T")).as("no MUE row in the release").isNull();
        assertThat(edits.release()).contains("2024 Q3");
    }
}
