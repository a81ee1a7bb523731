package org.claimscrubber.facts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimscrubber.codes.Diagnosis;

/**
 * ICD-10-CM as far as the scrubber knows it: the curated official facts, and the full CMS list when
 * {@code --reference} loads one ({@code complete}). One fact in every session; rules ask it about a line's
 * diagnoses. Without the full list, a code it does not hold is not known to be wrong.
 */
public final class DiagnosisCodes {

    private final Map<String, CodeEntry> codes;
    private final boolean complete;

    public DiagnosisCodes(Map<String, CodeEntry> codes, boolean complete) {
        this.codes = new HashMap<>(codes);
        this.complete = complete;
    }

    public boolean isComplete() {
        return complete;
    }

    public boolean isNonBillable(String code) {
        CodeEntry entry = codes.get(code);
        return entry != null && !entry.billable();
    }

    public boolean hasNonBillable(List<Diagnosis> diagnoses) {
        for (Diagnosis diagnosis : diagnoses) {
            if (isNonBillable(diagnosis.code())) {
                return true;
            }
        }
        return false;
    }

    /** True only with the full list loaded: the code is not in ICD-10-CM. */
    public boolean isUnknown(String code) {
        return complete && !codes.containsKey(code);
    }

    public boolean hasUnknown(List<Diagnosis> diagnoses) {
        if (!complete) {
            return false;
        }
        for (Diagnosis diagnosis : diagnoses) {
            if (!codes.containsKey(diagnosis.code())) {
                return true;
            }
        }
        return false;
    }

    public CodeEntry entry(String code) {
        return codes.get(code);
    }

    @Override
    public String toString() {
        return "ICD-10-CM codes (" + codes.size() + (complete ? ", full list" : ", curated") + ")";
    }
}
