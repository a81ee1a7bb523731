package org.claimscrubber.domain;

/**
 * The edit families whose data may not cover a line, so that a run can say how many lines each
 * could not check: a check that had no data says "not checked", never "passed".
 */
public enum EditFamily {
    NCCI_PTP("NCCI PTP", "lines' codes in no loaded PTP edit"),
    NCCI_MUE("NCCI MUE", "lines' codes not in any loaded MUE table"),
    NCCI_AOC(
            "NCCI add-on",
            "lines' codes neither an add-on nor a primary in the loaded add-on edits"),
    ICD_VALIDITY(
            "ICD-10-CM validity", "lines dated in a fiscal year no loaded ICD-10-CM list covers"),
    CODE_STATUS("Procedure code status", "lines' codes with no effective or deletion date loaded"),
    PC_TC("PC/TC indicator", "lines' codes with no PC/TC indicator loaded"),
    BILATERAL("Bilateral indicator", "lines' codes with no bilateral surgery indicator loaded"),
    TAXONOMY("NUCC taxonomy", "lines' rendering taxonomies not in the loaded taxonomy codes"),
    CLAIM_HISTORY(
            "Claim history (duplicates, frequency limits)",
            "lines not checked against earlier nights: no --history, or no patient id or date of service");

    private final String label;
    private final String notCheckedMeans;

    EditFamily(String label, String notCheckedMeans) {
        this.label = label;
        this.notCheckedMeans = notCheckedMeans;
    }

    public String label() {
        return label;
    }

    /**
     * What a line counted as not checked lacked, e.g. "lines' codes not in any loaded MUE table".
     */
    public String notCheckedMeans() {
        return notCheckedMeans;
    }
}
