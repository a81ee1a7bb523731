package org.claimscrubber.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.claimscrubber.Shipped;
import org.claimscrubber.domain.DiagnosisScope;
import org.claimscrubber.domain.DocumentedCodes;
import org.claimscrubber.domain.SeedFact;
import org.claimscrubber.domain.SpecialtyScope;
import org.junit.jupiter.api.Test;

/**
 * The document rules look at a line only when {@code documents.cover(procedureCode)}: that filter
 * must let through every code a document-derived fact is about, or a rule would go silent for it.
 */
class DocumentedCodesTest {

    @Test
    void everyDocumentDerivedFactIsAboutACodeTheDocumentsCover() {
        List<Object> facts = Shipped.facts().engineFacts();
        DocumentedCodes documents =
                facts.stream()
                        .filter(DocumentedCodes.class::isInstance)
                        .map(DocumentedCodes.class::cast)
                        .findFirst()
                        .orElseThrow();
        assertThat(documents.codes())
                .containsExactlyInAnyOrder("0352T", "0353T", "0753T", "0471T", "0971T");
        for (Object fact : facts) {
            String code =
                    fact instanceof SeedFact seed
                            ? seed.procedureCode()
                            : fact instanceof DiagnosisScope scope
                                    ? scope.procedureCode()
                                    : fact instanceof SpecialtyScope scope
                                            ? scope.procedureCode()
                                            : null;
            if (code != null) {
                assertThat(documents.cover(code)).as(fact.toString()).isTrue();
            }
        }
    }
}
