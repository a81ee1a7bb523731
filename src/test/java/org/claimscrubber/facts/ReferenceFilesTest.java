package org.claimscrubber.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.claimscrubber.Prerequisites;
import org.claimscrubber.Shipped;
import org.claimscrubber.domain.CodeFormat;
import org.claimscrubber.domain.WordingMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Full official code sets in their published layouts, recognised by content. */
class ReferenceFilesTest {

    @TempDir Path dir;

    @Test
    void readsTheIcd10CmOrderFileLayout() throws Exception {
        Files.copy(
                Path.of("src/test/resources/reference/icd10cm-order-fixture.txt"),
                dir.resolve("order.txt"));
        Files.writeString(dir.resolve("notes.md"), "not a code set\n");
        ReferenceFiles reference = ReferenceFiles.load(dir);
        assertThat(reference.diagnoses()).containsKeys("C18.9", "C50.911", "N63", "N63.10");
        assertThat(reference.diagnoses().get("N63").billable()).isFalse();
        assertThat(reference.diagnoses().get("N63.10").billable()).isTrue();
        assertThat(reference.diagnoses().get("C50.911").label())
                .isEqualTo("Malignant neoplasm of unspecified site of right female breast");
        assertThat(reference.ignored()).containsExactly("notes.md");
        assertThat(reference.hasTaxonomies()).isFalse();
    }

    @Test
    void readsTheSharedNuccTaxonomyFileAndEveryCodeHasTheTaxonomyShape() throws Exception {
        Path nucc = Shipped.sharedNucc();
        Prerequisites.require(
                nucc != null,
                "../shared/reference/nucc_taxonomy_251.csv beside the" + " checkout",
                Prerequisites.SHARED);
        ReferenceFiles reference = ReferenceFiles.load(nucc.getParent());
        assertThat(reference.taxonomies()).hasSize(883).doesNotContainKey("207XS0100X");
        assertThat(reference.taxonomies().get("2084P0800X").label())
                .isEqualTo(
                        "Allopathic & Osteopathic Physicians / Psychiatry & Neurology / Psychiatry");
        assertThat(reference.taxonomies().keySet()).allMatch(CodeFormat.TAXONOMY::accepts);
    }

    @Test
    void aFolderWithoutACodeSetIsAnError() throws Exception {
        Files.writeString(dir.resolve("readme.txt"), "hello\n");
        assertThatThrownBy(() -> ReferenceFiles.load(dir))
                .isInstanceOf(FactsException.class)
                .hasMessageContaining(
                        "holds no NUCC taxonomy CSV, no ICD-10-CM order or codes file, no CMS NCCI PTP, MUE or add-on code edit file, no CMS PPRRVU and no HCPCS file (found readme.txt)");
        assertThatThrownBy(() -> ReferenceFiles.load(dir.resolve("nowhere")))
                .isInstanceOf(FactsException.class);
    }

    @Test
    void officialFactsRowsThatCannotBeReadNameTheirLine() {
        String header =
                "kind,code,official_label,billable_or_active,effective_date,deletion_date,add_on_primary,unit_basis,source\n";
        assertThatThrownBy(
                        () ->
                                OfficialFacts.parse(
                                        "official-facts.csv",
                                        header + "PROCEDURE,0352T,x,,2014-13-01,,,,s\n"))
                .hasMessage("official-facts.csv:2: '2014-13-01' is not a date (YYYY-MM-DD)");
        assertThatThrownBy(
                        () ->
                                OfficialFacts.parse(
                                        "official-facts.csv", header + "DRUG,J1234,x,,,,,,s\n"))
                .hasMessageContaining("official-facts.csv:2: kind 'DRUG' is not one of");
    }

    @Test
    void labelsAgreeWhenShortenedAndNotAcrossSides() {
        assertThat(
                        WordingMatch.agree(
                                "Separate structure",
                                "Separate structure, a service that is distinct because it was"
                                        + " performed on a separate organ/structure",
                                0.5))
                .isTrue();
        assertThat(
                        WordingMatch.agree(
                                "Secondary malignant neoplasm of axillary nodes",
                                "Secondary malignant neoplasm of axilla" + " nodes",
                                0.6))
                .isTrue();
        assertThat(
                        WordingMatch.agree(
                                "Neoplasm of right female breast",
                                "Neoplasm of left female breast",
                                0.6))
                .isFalse();
        assertThat(WordingMatch.agree("General Surgery", "Family Medicine", 0.5)).isFalse();
    }
}
