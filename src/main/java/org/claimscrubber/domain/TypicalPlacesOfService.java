package org.claimscrubber.domain;

import java.util.List;

/**
 * The place-of-service codes a document's typical site of service was read as, by a
 * PLACE_OF_SERVICE row of interpretations.csv (e.g. "Operating room or procedure suite" as 19, 21,
 * 22, 24).
 */
public record TypicalPlacesOfService(
        String procedureCode, List<String> placesOfService, String siteText, Provenance provenance)
        implements SeedFact {

    public TypicalPlacesOfService {
        placesOfService = List.copyOf(placesOfService);
    }

    @Override
    public String key() {
        return "Typical site of service";
    }
}
