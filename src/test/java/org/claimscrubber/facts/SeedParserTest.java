package org.claimscrubber.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.claimscrubber.Shipped;
import org.claimscrubber.domain.AddOnCode;
import org.claimscrubber.domain.DiagnosisEntry;
import org.claimscrubber.domain.ModifierEntry;
import org.claimscrubber.domain.NotAvailable;
import org.claimscrubber.domain.ProcedureDocument;
import org.claimscrubber.domain.RelatedProcedureEntry;
import org.claimscrubber.domain.Relationship;
import org.claimscrubber.domain.TableInfo;
import org.claimscrubber.domain.TableKind;
import org.claimscrubber.domain.TaxonomyEntry;
import org.claimscrubber.domain.TypicalPlacesOfService;
import org.claimscrubber.domain.TypicalSite;
import org.claimscrubber.domain.UnitLimit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The seed parser on the real seed documents, and on the kinds of mess they contain. */
class SeedParserTest {

    private static final String S000 = "000_404b5ce62a18733e.txt";
    private static final String S001 = "001_878d69fdffca6f24.txt";
    private static final String S002 = "002_786b855abe4afa89.txt";
    private static final String S003 = "003_2be55d552ac92e94.txt";
    private static final String S004 = "004_e8b2e86ee0df9b69.txt";

    private static SeedDocument document(String file) {
        return Shipped.facts().documents().stream()
                .filter(d -> d.file().equals(file))
                .findFirst()
                .orElseThrow();
    }

    static Stream<String> seedFiles() {
        return Stream.of(S000, S001, S002, S003, S004);
    }

    @ParameterizedTest
    @MethodSource("seedFiles")
    void everyTableRowOfTheRealSeedIsReadOrNoted(String file) throws IOException {
        List<String> lines =
                Files.readAllLines(Shipped.SEEDS.resolve(file), StandardCharsets.UTF_8);
        SeedDocument document = document(file);
        Set<Integer> accounted = new HashSet<>();
        document.facts().forEach(fact -> accounted.add(fact.provenance().line()));
        document.notes().forEach(note -> accounted.add(note.line()));
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            boolean tableLine = lines.get(i).contains("|");
            boolean header = i + 1 < lines.size() && lines.get(i + 1).contains("---");
            boolean separator = lines.get(i).contains("---");
            if (tableLine && !header && !separator) {
                rows.add(i + 1);
            }
        }
        assertThat(accounted).as("table rows of %s", file).containsAll(rows);
    }

    @Test
    void theSeedsHoldTheRowsTheirTablesShow() {
        assertThat(document(S001).factsOf(ModifierEntry.class)).hasSize(13);
        assertThat(document(S001).factsOf(TaxonomyEntry.class)).hasSize(5);
        assertThat(document(S001).factsOf(DiagnosisEntry.class)).hasSize(5);
        // six table rows, and the two surgeries the prose names (interpretations.csv COMPANION)
        assertThat(document(S001).factsOf(RelatedProcedureEntry.class)).hasSize(8);
        assertThat(document(S002).factsOf(ModifierEntry.class)).hasSize(12);
        assertThat(document(S002).factsOf(TaxonomyEntry.class)).hasSize(5);
        assertThat(document(S002).factsOf(DiagnosisEntry.class)).hasSize(6);
        assertThat(document(S002).factsOf(RelatedProcedureEntry.class)).hasSize(5);
    }

    @Test
    void rowsWithAndWithoutALeadingBarAreBothRead() {
        // seed 001's modifier rows have no leading '|'; its taxonomy rows do
        assertThat(document(S001).factsOf(ModifierEntry.class))
                .extracting(ModifierEntry::modifier)
                .containsExactly(
                        "22", "23", "52", "53", "62", "AS", "CO", "CQ", "QK", "QX", "QY", "SH",
                        "SJ");
        assertThat(document(S001).factsOf(TaxonomyEntry.class))
                .extracting(TaxonomyEntry::taxonomy)
                .containsExactly(
                        "207Q00000X", "207XS0100X", "207K00000X", "207L00000X", "2084P0800X");
        assertThat(document(S001).notes())
                .anyMatch(n -> n.message().contains("13 without a leading '|'"));
    }

    @Test
    void seed000IsCutOffInItsModifierTableAtTC() {
        SeedDocument seed = document(S000);
        assertThat(seed.procedureCode()).isEqualTo("0353T");
        assertThat(seed.factsOf(ModifierEntry.class))
                .extracting(ModifierEntry::modifier, ModifierEntry::cutOff)
                .containsExactly(Tuple.tuple("26", false), Tuple.tuple("TC", true));
        assertThat(seed.factsOf(TableInfo.class))
                .singleElement()
                .satisfies(
                        table -> {
                            assertThat(table.table()).isEqualTo(TableKind.MODIFIERS);
                            assertThat(table.cutOff()).isTrue();
                            assertThat(table.lastLine()).isEqualTo(19);
                        });
        assertThat(seed.notes())
                .anyMatch(
                        n ->
                                n.line() == 19
                                        && n.level() == ParseNote.Level.WARNING
                                        && n.message().contains("'TC |'"));
    }

    @Test
    void seed004IsCutOffInItsModifierTableAt22() {
        SeedDocument seed = document(S004);
        assertThat(seed.procedureCode()).isEqualTo("0971T");
        assertThat(seed.factsOf(ModifierEntry.class))
                .singleElement()
                .satisfies(m -> assertThat(m.modifier()).isEqualTo("22"));
        assertThat(seed.factsOf(TableInfo.class))
                .singleElement()
                .satisfies(t -> assertThat(t.cutOff()).isTrue());
    }

    @Test
    void completeTablesAreNotCutOff() {
        assertThat(document(S001).factsOf(TableInfo.class)).hasSize(4).noneMatch(TableInfo::cutOff);
        assertThat(document(S002).factsOf(TableInfo.class)).hasSize(4).noneMatch(TableInfo::cutOff);
    }

    @Test
    void dataNotAvailableMarkersAreFacts() {
        assertThat(document(S000).factsOf(NotAvailable.class))
                .singleElement()
                .satisfies(
                        n -> {
                            assertThat(n.section()).isEqualTo("Billing Code Overview");
                            assertThat(n.provenance().line()).isEqualTo(11);
                        });
        assertThat(document(S002).factsOf(NotAvailable.class)).hasSize(1);
        assertThat(document(S001).factsOf(NotAvailable.class)).isEmpty();
    }

    @Test
    void addOnFactsComeFromTheProse() {
        assertThat(document(S002).factsOf(AddOnCode.class))
                .singleElement()
                .satisfies(
                        addOn -> {
                            assertThat(addOn.procedureCode()).isEqualTo("0753T");
                            assertThat(addOn.primaryCode()).isEqualTo("88305");
                            assertThat(addOn.provenance().line()).isEqualTo(3);
                        });
        assertThat(document(S003).factsOf(AddOnCode.class))
                .singleElement()
                .satisfies(
                        addOn -> {
                            assertThat(addOn.procedureCode()).isEqualTo("0471T");
                            assertThat(addOn.primaryCode()).isEqualTo("0470T");
                        });
        assertThat(document(S001).factsOf(AddOnCode.class)).isEmpty();
        assertThat(document(S000).factsOf(AddOnCode.class)).isEmpty();
    }

    @Test
    void theScrapedPageWithoutTablesIsAbout0471T() {
        SeedDocument seed = document(S003);
        assertThat(seed.procedureCode()).isEqualTo("0471T");
        assertThat(seed.factsOf(ProcedureDocument.class))
                .singleElement()
                .satisfies(d -> assertThat(d.title()).contains("each additional lesion"));
        assertThat(seed.factsOf(TableInfo.class)).isEmpty();
    }

    @Test
    void unitBasisPerBreast() {
        assertThat(document(S004).factsOf(UnitLimit.class))
                .singleElement()
                .satisfies(
                        limit -> {
                            assertThat(limit.basis()).isEqualTo("per breast");
                            assertThat(limit.maxUnitsPerLine()).isEqualTo(1);
                            assertThat(limit.maxUnitsPerDay()).isEqualTo(2);
                            assertThat(limit.provenance().interpretedBy())
                                    .startsWith("interpretations.csv:");
                        });
    }

    @Test
    void typicalSitesAreReadThroughTheInterpretationTable() {
        assertThat(document(S000).factsOf(TypicalPlacesOfService.class))
                .singleElement()
                .satisfies(
                        p ->
                                assertThat(p.placesOfService())
                                        .containsExactly("19", "21", "22", "24"));
        assertThat(document(S002).factsOf(TypicalPlacesOfService.class))
                .singleElement()
                .satisfies(p -> assertThat(p.placesOfService()).containsExactly("81", "21", "22"));
    }

    @Test
    void the0352TSurgeriesAreExpectedTheSameDay() {
        assertThat(document(S001).factsOf(RelatedProcedureEntry.class))
                .filteredOn(r -> r.relationship() == Relationship.SAME_SESSION)
                .extracting(RelatedProcedureEntry::relatedCode)
                .containsExactly("19301", "38525", "19301", "19302");
    }

    @Test
    void diagnosesAreNormalisedAndKeptAsTheDocumentStatesThem() {
        // the seed's descriptions are kept as written (seed 001 swaps C50.911 and C50.912); rules
        // use the code
        assertThat(document(S001).factsOf(DiagnosisEntry.class))
                .filteredOn(d -> d.diagnosis().equals("C50.912"))
                .singleElement()
                .satisfies(d -> assertThat(d.description()).contains("right female breast"));
    }

    @Nested
    class MessyText {
        private final SeedParser parser = new SeedParser(Shipped.facts().interpretations());

        @Test
        void aDocumentWithoutAProcedureCodeYieldsANoteAndNoFacts() {
            SeedDocument document = parser.parse("x.txt", "Nothing here\nat all.\n");
            assertThat(document.procedureCode()).isNull();
            assertThat(document.facts()).isEmpty();
            assertThat(document.notes())
                    .singleElement()
                    .satisfies(n -> assertThat(n.level()).isEqualTo(ParseNote.Level.WARNING));
        }

        @Test
        void rowsThatCannotBeReadAreNotedNotDropped() {
            String text =
                    """
                    CPT 0352T: Test
                    Coding Specifications
                    | Modifier | Description | When to Use |
                    |---|---|---|
                    22 | Increased | Use |
                    not a modifier | Something | Else |
                    | 59 | Distinct | Use | extra |
                    | Colour | Shade |
                    |---|---|
                    red | dark |

                    a stray | row
                    """;
            SeedDocument document = parser.parse("x.txt", text);
            assertThat(document.factsOf(ModifierEntry.class))
                    .extracting(ModifierEntry::modifier)
                    .containsExactly("22", "59");
            assertThat(document.notes())
                    .anyMatch(n -> n.line() == 6 && n.message().contains("is not a modifier"));
            assertThat(document.notes())
                    .anyMatch(n -> n.line() == 7 && n.message().contains("extra cells"));
            assertThat(document.notes())
                    .anyMatch(n -> n.line() == 8 && n.message().contains("not a known table"));
            assertThat(document.notes())
                    .anyMatch(n -> n.line() == 12 && n.message().contains("no table header"));
        }

        @Test
        void aShortRowInsideATableIsReadButTheTableIsNotCutOff() {
            String text =
                    """
                    CPT 0352T: Test
                    | Modifier | Description | When to Use |
                    |---|---|---|
                    22 |
                    23 | Unusual anesthesia | Use |
                    """;
            SeedDocument document = parser.parse("x.txt", text);
            assertThat(document.factsOf(ModifierEntry.class)).hasSize(2);
            assertThat(document.factsOf(TableInfo.class))
                    .singleElement()
                    .satisfies(t -> assertThat(t.cutOff()).isFalse());
            assertThat(document.notes())
                    .anyMatch(n -> n.line() == 4 && n.message().contains("1 of 3 cells"));
        }

        @Test
        void anAddOnWithoutANamedPrimaryIsNoted() {
            SeedDocument document =
                    parser.parse(
                            "x.txt", "CPT 0999T: Test\nThis add-on code has no primary named.\n");
            assertThat(document.factsOf(AddOnCode.class)).isEmpty();
            assertThat(document.notes())
                    .anyMatch(n -> n.message().contains("names no primary code"));
        }

        @Test
        void aSiteWithoutAnInterpretationIsNotedAndNotChecked() {
            SeedDocument document =
                    parser.parse("x.txt", "CPT 0999T: Test\nTypical site of service: A boat\n");
            assertThat(document.factsOf(TypicalSite.class)).hasSize(1);
            assertThat(document.factsOf(TypicalPlacesOfService.class)).isEmpty();
            assertThat(document.notes())
                    .anyMatch(n -> n.message().contains("matches no PLACE_OF_SERVICE row"));
        }
    }
}
