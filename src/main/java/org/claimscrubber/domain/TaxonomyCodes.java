package org.claimscrubber.domain;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * NUCC provider taxonomy codes as far as the scrubber knows them: the curated official facts (which
 * also record codes that are not in NUCC at all, such as 207XS0100X), and the full NUCC list when
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

    /**
     * True when the code is known not to be a NUCC code: absent from the full list, or recorded as
     * absent.
     */
    public boolean isNotACode(String code) {
        return complete ? !codes.containsKey(code) : notCodes.contains(code);
    }

    /**
     * True when the code is known either way: a NUCC code, or recorded as not one (or any code,
     * with the full list).
     */
    public boolean knows(String code) {
        return complete || codes.containsKey(code) || notCodes.contains(code);
    }

    public CodeEntry entry(String code) {
        return codes.get(code);
    }

    /**
     * The code's NUCC classification (the middle part of "Grouping / Classification /
     * Specialization", e.g. "Surgery" for 2086X0206X), or null when the code is not known here.
     */
    public String classificationOf(String code) {
        String[] parts = partsOf(code);
        return parts == null || parts.length < 2 ? null : parts[1];
    }

    /**
     * The classification and specialization, e.g. "Psychiatry & Neurology, Psychiatry"; the code
     * when unknown.
     */
    public String officialName(String code) {
        String[] parts = partsOf(code);
        if (parts == null) {
            return code;
        }
        return parts.length < 2
                ? parts[0]
                : String.join(", ", Arrays.asList(parts).subList(1, parts.length));
    }

    /**
     * Radiologists and pathologists interpret images and specimens; they never bill the surgery a
     * document says a procedure is performed during (NUCC classifications Radiology, Pathology and
     * pathology staff).
     */
    public boolean interpretsOnly(String code) {
        String classification = classificationOf(code);
        return classification != null && INTERPRETING.contains(classification);
    }

    private static final Set<String> INTERPRETING =
            Set.of(
                    "Radiology",
                    "Pathology",
                    "Specialist/Technologist, Pathology",
                    "Technician, Pathology");

    /** The label's parts, split once per code (rules ask for every line with a taxonomy). */
    private String[] partsOf(String code) {
        String[] parts = labelParts.get(code);
        if (parts == null) {
            CodeEntry entry = codes.get(code);
            if (entry == null) {
                return null;
            }
            parts = entry.label().split(" / ");
            labelParts.put(code, parts);
        }
        return parts;
    }

    private final Map<String, String[]> labelParts = new ConcurrentHashMap<>();

    @Override
    public String toString() {
        return "NUCC taxonomy codes ("
                + codes.size()
                + (complete ? ", full list" : ", curated")
                + ")";
    }
}
