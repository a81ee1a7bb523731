package org.claimscrubber.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the rules are joined with: the parsed seed documents and the interpretations used to read
 * them, the curated official facts, the full code sets when --reference loads them, with where they came
 * from and a hash that changes when any of the seeds' files does.
 */
public record FactBase(String seedsLabel, List<SeedDocument> documents, Interpretations interpretations,
                       String interpretationsLabel, OfficialFacts official, String officialLabel,
                       ReferenceFiles reference, DiagnosisCodes diagnosisCodes, TaxonomyCodes taxonomyCodes,
                       String hash) {

    public FactBase {
        documents = List.copyOf(documents);
    }

    public List<SeedFact> seedFacts() {
        return documents.stream().flatMap(document -> document.facts().stream()).toList();
    }

    public List<ParseNote> notes() {
        return documents.stream().flatMap(document -> document.notes().stream()).toList();
    }

    /** Every fact a rule session holds besides the claims: seed facts, official rows and the two code sets. */
    public List<Object> engineFacts() {
        List<Object> facts = new ArrayList<>(seedFacts());
        facts.addAll(official.rows());
        facts.add(diagnosisCodes);
        facts.add(taxonomyCodes);
        return facts;
    }
}
