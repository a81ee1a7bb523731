package org.claimscrubber.facts;

import java.util.List;
import org.claimscrubber.domain.SeedFact;

/** One parsed seed document: its facts and what the parser had to say about it. */
public record SeedDocument(
        String file, String procedureCode, List<SeedFact> facts, List<ParseNote> notes) {

    public SeedDocument {
        facts = List.copyOf(facts);
        notes = List.copyOf(notes);
    }

    public <T extends SeedFact> List<T> factsOf(Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
