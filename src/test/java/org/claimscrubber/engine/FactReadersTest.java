package org.claimscrubber.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimscrubber.Shipped;
import org.claimscrubber.domain.RelatedProcedureEntry;
import org.claimscrubber.domain.Relationship;
import org.claimscrubber.domain.SeedFact;
import org.claimscrubber.domain.UnitLimit;
import org.junit.jupiter.api.Test;

/**
 * Which rules read which seed facts is worked out from Drools' compiled network (its node classes),
 * the one place the scrubber looks inside the engine. A Drools upgrade that changes those classes
 * fails here, by name, instead of emptying `rules list`'s documents column and `test --coverage`
 * without a word.
 */
class FactReadersTest {

    @Test
    void theShippedRulesReadTheSeedFactsTheirConditionsName() {
        List<SeedFact> seedFacts = Shipped.facts().seedFacts();
        Map<Object, Set<String>> readers = FactReaders.of(Shipped.rules(), seedFacts);

        UnitLimit limit =
                seedFacts.stream()
                        .filter(UnitLimit.class::isInstance)
                        .map(UnitLimit.class::cast)
                        .filter(l -> l.procedureCode().equals("0971T"))
                        .findFirst()
                        .orElseThrow();
        assertThat(readers.get(limit))
                .as("rules reading the 0971T unit limit")
                .containsExactlyInAnyOrder("UNITS-001", "UNITS-002", "LAT-003");

        List<RelatedProcedureEntry> related =
                seedFacts.stream()
                        .filter(RelatedProcedureEntry.class::isInstance)
                        .map(RelatedProcedureEntry.class::cast)
                        .toList();
        assertThat(related)
                .anySatisfy(
                        entry -> {
                            assertThat(entry.relationship()).isEqualTo(Relationship.SAME_SESSION);
                            assertThat(readers.get(entry)).contains("REL-001");
                        });
        // A row the rule's own constraint excludes (another relationship) is not read by it.
        assertThat(related)
                .filteredOn(entry -> entry.relationship() != Relationship.SAME_SESSION)
                .allSatisfy(
                        entry ->
                                assertThat(readers.getOrDefault(entry, Set.of()))
                                        .doesNotContain("REL-001"));
    }
}
