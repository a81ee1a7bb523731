package org.claimscrubber.domain;

import java.util.Collection;
import java.util.Set;

/**
 * The procedure codes the seed documents are about. Rules name it as a global ({@code documents})
 * to look at a line only when a document covers its code: {@code
 * ClaimLine(documents.cover(procedureCode))} is checked as the line enters the engine, so the
 * everyday lines of a night (office visits, labs) never reach the document rules' joins.
 */
public record DocumentedCodes(Set<String> codes) {

    public DocumentedCodes(Collection<String> codes) {
        this(Set.copyOf(codes));
    }

    /** Whether a seed document covers the code. */
    public boolean cover(String procedureCode) {
        return codes.contains(procedureCode);
    }
}
