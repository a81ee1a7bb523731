package org.claimscrubber.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ICD-10-CM as the scrubber knows it in every run: the billable code list (the bundled FY2026 list, or a
 * newer one given with {@code --reference}) and the curated labels of category headers. A code of the
 * ICD-10-CM shape is billable, a category header (not billable, but billable codes extend it: C50.91, N63),
 * or not an ICD-10-CM code at all. One fact in every session; rules ask it about a line's diagnoses.
 */
public final class DiagnosisCodes {

    private final IcdCodeList list;
    private final Map<String, CodeEntry> headers;
    /** What each distinct code is, found once (two binary searches) and then looked up: rules ask for every line. */
    private final Map<String, Status> statuses = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED = 200_000;

    private enum Status { BILLABLE, HEADER, UNKNOWN, MALFORMED }

    private Status status(String code) {
        Status known = statuses.get(code);
        if (known != null) {
            return known;
        }
        Status found = !CodeFormat.DIAGNOSIS.accepts(code) ? Status.MALFORMED : list.isBillable(code) ? Status.BILLABLE
                : list.firstExtension(code) != null ? Status.HEADER : Status.UNKNOWN;
        if (statuses.size() < MAX_REMEMBERED) {
            statuses.put(code, found);
        }
        return found;
    }

    /** @param headers labels of codes known not to be billable (curated rows, or an order file's headers) */
    public DiagnosisCodes(IcdCodeList list, Map<String, CodeEntry> headers) {
        this.list = list;
        this.headers = new HashMap<>(headers);
    }

    public String release() {
        return list.release();
    }

    public int size() {
        return list.size();
    }

    public boolean isBillable(String code) {
        return status(code) == Status.BILLABLE;
    }

    /** A category header: not billable, but billable codes start with it. */
    public boolean isNonBillable(String code) {
        return status(code) == Status.HEADER;
    }

    public boolean hasNonBillable(List<Diagnosis> diagnoses) {
        for (Diagnosis diagnosis : diagnoses) {
            if (isNonBillable(diagnosis.code())) {
                return true;
            }
        }
        return false;
    }

    /** Of the ICD-10-CM shape, but neither billable nor a header: not an ICD-10-CM code. */
    public boolean isUnknown(String code) {
        return status(code) == Status.UNKNOWN;
    }

    public boolean hasUnknown(List<Diagnosis> diagnoses) {
        for (Diagnosis diagnosis : diagnoses) {
            if (isUnknown(diagnosis.code())) {
                return true;
            }
        }
        return false;
    }

    /** A billable code that extends a header, for messages ("use a code that starts with it, e.g. C50.911"). */
    public String example(String header) {
        return list.firstExtension(header);
    }

    /** The code's official label and source; null for a code that is not in ICD-10-CM. */
    public CodeEntry entry(String code) {
        String label = list.label(code);
        if (label != null) {
            return new CodeEntry(code, label, true, list.release());
        }
        CodeEntry header = headers.get(code);
        if (header != null) {
            return header;
        }
        return isNonBillable(code)
                ? new CodeEntry(code, "category header", false, list.release() + ": billable codes extend it") : null;
    }

    /** The code with its official label for messages ("N63 (Unspecified lump in breast)"), or the code alone. */
    public String named(String code) {
        String label = list.label(code);
        if (label == null && headers.containsKey(code)) {
            label = headers.get(code).label();
        }
        return label == null ? code : code + " (" + label + ")";
    }

    @Override
    public String toString() {
        return "ICD-10-CM codes (" + list.size() + " billable, " + list.release() + ")";
    }
}
