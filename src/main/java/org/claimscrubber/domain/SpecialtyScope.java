package org.claimscrubber.domain;

import java.util.List;
import java.util.Set;

/**
 * The provider specialties a procedure's document names, resolved to NUCC classifications through
 * interpretations.csv. The documents' taxonomy codes are wrong (every one carries another
 * specialty's code), but the specialty they name is what they mean; a rendering taxonomy in the
 * same NUCC classification (a surgical oncologist is in Surgery) fits. A taxonomy the scrubber does
 * not know cannot be judged.
 *
 * @param specialties the names as the document writes them, in document order
 * @param sources the interpretations.csv rows that resolved them
 */
public record SpecialtyScope(
        String procedureCode,
        List<String> specialties,
        Set<String> classifications,
        List<String> sources,
        TableInfo table,
        TaxonomyCodes codes)
        implements Cited {

    public SpecialtyScope {
        specialties = List.copyOf(specialties);
        classifications = Set.copyOf(classifications);
        sources = List.copyOf(sources);
    }

    /** True when the taxonomy's NUCC classification is known. */
    public boolean knows(String taxonomy) {
        return codes.classificationOf(taxonomy) != null;
    }

    public boolean admits(String taxonomy) {
        return classifications.contains(codes.classificationOf(taxonomy));
    }

    public String officialName(String taxonomy) {
        return codes.officialName(taxonomy);
    }

    public String specialtyList() {
        return String.join(", ", specialties);
    }

    @Override
    public String citation() {
        return table.citation() + " (specialties read by " + String.join(", ", sources) + ")";
    }
}
