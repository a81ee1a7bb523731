package org.claimscrubber.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.claimscrubber.Prerequisites;
import org.claimscrubber.Shipped;
import org.junit.jupiter.api.Test;

/**
 * The audit on the real seeds finds each defect the reference README lists, at its file and line.
 */
class AuditTest {

    private static final String S000 = "000_404b5ce62a18733e.txt";
    private static final String S001 = "001_878d69fdffca6f24.txt";
    private static final String S002 = "002_786b855abe4afa89.txt";
    private static final String S003 = "003_2be55d552ac92e94.txt";
    private static final String S004 = "004_e8b2e86ee0df9b69.txt";

    private final List<Audit.Item> items = Audit.of(Shipped.facts(), Shipped.TODAY);

    private List<Audit.Item> in(Audit.Group group) {
        return items.stream().filter(item -> item.group() == group).toList();
    }

    private static boolean at(Audit.Item item, String file, int line, String text) {
        return item.file().equals(file) && item.line() == line && item.message().contains(text);
    }

    @Test
    void theShippedSeedsHaveTheItemsTheReadmeDescribes() {
        assertThat(in(Audit.Group.CONTRADICTIONS)).hasSize(3);
        assertThat(in(Audit.Group.OFFICIAL)).hasSize(26);
        assertThat(in(Audit.Group.STRUCTURE)).hasSize(7);
        assertThat(in(Audit.Group.ADVICE)).hasSize(1);
    }

    @Test
    void documentsThatDescribeTheSameCodeDifferently() {
        assertThat(in(Audit.Group.CONTRADICTIONS))
                .anyMatch(
                        item ->
                                at(item, S001, 40, "C50.911")
                                        && item.message().contains("left")
                                        && item.message().contains(S002 + ":40"))
                .anyMatch(
                        item ->
                                at(item, S001, 31, "207Q00000X is 'General Surgery'")
                                        && item.message().contains("'Anatomic Pathology'"))
                .anyMatch(item -> at(item, S001, 35, "2084P0800X"))
                .hasSize(3);
    }

    @Test
    void everyTaxonomyLabelIsWrongAnd207XS0100XIsNoCode() {
        List<Audit.Item> official = in(Audit.Group.OFFICIAL);
        for (int line : new int[] {31, 33, 34, 35}) {
            assertThat(official)
                    .as("001 line %d", line)
                    .anyMatch(item -> at(item, S001, line, "the document labels"));
        }
        for (int line : new int[] {32, 33, 34, 35, 36}) {
            assertThat(official)
                    .as("002 line %d", line)
                    .anyMatch(item -> at(item, S002, line, "the document labels"));
        }
        assertThat(official)
                .anyMatch(item -> at(item, S001, 32, "207XS0100X is not a NUCC taxonomy code"));
    }

    @Test
    void seed001SwapsBreastLaterality() {
        assertThat(in(Audit.Group.OFFICIAL))
                .anyMatch(
                        item ->
                                at(
                                        item,
                                        S001,
                                        39,
                                        "the document describes C50.912 as 'Malignant neoplasm of unspecified site of"
                                                + " right female breast', but it is 'Malignant neoplasm of unspecified site of left female breast'"))
                .anyMatch(item -> at(item, S001, 40, "the document describes C50.911 as"))
                .noneMatch(item -> item.file().equals(S002) && item.message().contains("C50.911"));
    }

    @Test
    void letterModifiersAreDescribedWrongly() {
        List<Audit.Item> official = in(Audit.Group.OFFICIAL);
        for (String modifier : List.of("AS", "CO", "CQ", "QK", "SH", "SJ")) {
            assertThat(official)
                    .as(modifier)
                    .anyMatch(
                            item ->
                                    item.file().equals(S001)
                                            && item.message()
                                                    .startsWith(
                                                            "the document describes "
                                                                    + modifier
                                                                    + " as"));
        }
        for (String modifier : List.of("Q1", "SU")) {
            assertThat(official)
                    .as(modifier)
                    .anyMatch(
                            item ->
                                    item.file().equals(S002)
                                            && item.message()
                                                    .startsWith(
                                                            "the document describes "
                                                                    + modifier
                                                                    + " as"));
        }
        assertThat(official)
                .as("shortened but right")
                .noneMatch(
                        item ->
                                item.message().startsWith("the document describes QX ")
                                        || item.message().startsWith("the document describes XS ")
                                        || item.message().startsWith("the document describes 51 "));
    }

    @Test
    void nonBillableHeadersAndAWrongUncertainBehaviourCode() {
        assertThat(in(Audit.Group.OFFICIAL))
                .anyMatch(item -> at(item, S001, 43, "N63 is a category header, not billable"))
                .anyMatch(item -> at(item, S002, 45, "N83.2 is a category header, not billable"))
                .anyMatch(
                        item ->
                                at(
                                        item,
                                        S002,
                                        44,
                                        "the document describes D37.9 as 'Neoplasm of uncertain behavior of unspecified"
                                                + " site', but it is 'Neoplasm of uncertain behavior of digestive organ, unspecified'"));
    }

    @Test
    void the0470TAnd0471TCodesWereDeleted() {
        assertThat(in(Audit.Group.OFFICIAL))
                .anyMatch(
                        item ->
                                item.file().equals(S003)
                                        && item.message()
                                                .startsWith("0471T was deleted from 2023-01-01"))
                .anyMatch(
                        item ->
                                at(
                                        item,
                                        S003,
                                        22,
                                        "0470T (named as 0471T's primary code) was deleted"));
        List<Audit.Item> before = Audit.of(Shipped.facts(), LocalDate.of(2022, 6, 1));
        assertThat(before).noneMatch(item -> item.message().contains("was deleted"));
    }

    @Test
    void structureNamesTheCutOffDocumentsAndMissingTables() {
        assertThat(in(Audit.Group.STRUCTURE))
                .anyMatch(item -> at(item, S000, 19, "modifier table is cut off"))
                .anyMatch(item -> at(item, S004, 19, "modifier table is cut off"))
                .anyMatch(
                        item ->
                                at(
                                        item,
                                        S003,
                                        1,
                                        "no modifier table, no taxonomy table, no related diagnosis table,"
                                                + " no related CPT code table"))
                .anyMatch(item -> at(item, S000, 11, "data is not available"))
                .anyMatch(item -> at(item, S002, 11, "data is not available"));
    }

    @Test
    void modifier51ListedForAnAddOnCode() {
        assertThat(in(Audit.Group.ADVICE))
                .singleElement()
                .satisfies(
                        item ->
                                assertThat(
                                                at(
                                                        item,
                                                        S002,
                                                        21,
                                                        "modifier 51 for 0753T, an add-on code"))
                                        .isTrue());
    }

    @Test
    void withTheFullNuccListTheLabelsComeFromIt() {
        Path nucc = Shipped.sharedNucc();
        Prerequisites.require(
                nucc != null,
                "../shared/reference/nucc_taxonomy_251.csv beside the" + " checkout",
                Prerequisites.SHARED);
        List<Audit.Item> official = Audit.of(Shipped.factsWith(nucc.getParent()), Shipped.TODAY);
        assertThat(official)
                .anyMatch(item -> at(item, S001, 32, "207XS0100X is not a NUCC taxonomy code"))
                .anyMatch(item -> at(item, S001, 31, "nucc_taxonomy_251.csv:"));
    }
}
