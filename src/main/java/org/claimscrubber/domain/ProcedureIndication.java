package org.claimscrubber.domain;

import java.util.List;

/**
 * A procedure whose descriptor names the condition it treats (procedure-indications.csv): 0971T
 * ablates a malignant breast tumour, so a line without such a diagnosis is not payable. One fact
 * per row.
 *
 * @param diagnosisCodes ICD-10-CM codes or categories any of which is the condition (C50 covers
 *     C50.911)
 */
public record ProcedureIndication(
        String procedureCode,
        List<String> diagnosisCodes,
        String condition,
        String source,
        Provenance provenance)
        implements Cited {

    public ProcedureIndication {
        diagnosisCodes = List.copyOf(diagnosisCodes);
    }

    /** True when one of the diagnoses is the condition (its code, or a code below it). */
    public boolean supportedBy(List<Diagnosis> diagnoses) {
        for (Diagnosis diagnosis : diagnoses) {
            for (String code : diagnosisCodes) {
                if (diagnosis.code().startsWith(code)) {
                    return true;
                }
            }
        }
        return false;
    }

    public String codeList() {
        return String.join(", ", diagnosisCodes);
    }

    @Override
    public String citation() {
        return provenance.location() + " (" + source + ")";
    }
}
