package org.claimscrubber.facts;

import java.util.List;

/**
 * Everything the rules are joined with: the parsed seed documents and the interpretations used to read
 * them, with where they came from and a hash that changes when any of them does.
 */
public record FactBase(String seedsLabel, List<SeedDocument> documents, Interpretations interpretations,
                       String interpretationsLabel, String hash) {

    public FactBase {
        documents = List.copyOf(documents);
    }

    public List<SeedFact> seedFacts() {
        return documents.stream().flatMap(document -> document.facts().stream()).toList();
    }

    public List<ParseNote> notes() {
        return documents.stream().flatMap(document -> document.notes().stream()).toList();
    }
}
