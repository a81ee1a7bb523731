package org.claimscrubber.facts;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * NUCC provider taxonomy codes as far as the scrubber knows them: the curated official facts (which also
 * record codes that are not in NUCC at all, such as 207XS0100X), and the full NUCC list when
 * {@code --reference} loads one ({@code complete}).
 */
public final class TaxonomyCodes {

    private final Map<String, CodeEntry> codes;
    private final Set<String> notCodes;
    private final boolean complete;

    public TaxonomyCodes(Map<String, CodeEntry> codes, Set<String> notCodes, boolean complete) {
        this.codes = new HashMap<>(codes);
        this.notCodes = Set.copyOf(notCodes);
        this.complete = complete;
    }

    public boolean isComplete() {
        return complete;
    }

    /** True when the code is known not to be a NUCC code: absent from the full list, or recorded as absent. */
    public boolean isNotACode(String code) {
        return complete ? !codes.containsKey(code) : notCodes.contains(code);
    }

    public CodeEntry entry(String code) {
        return codes.get(code);
    }

    @Override
    public String toString() {
        return "NUCC taxonomy codes (" + codes.size() + (complete ? ", full list" : ", curated") + ")";
    }
}
