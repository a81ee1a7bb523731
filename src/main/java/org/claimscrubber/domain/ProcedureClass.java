package org.claimscrubber.domain;

/**
 * A range of procedure codes and what they are (procedure-classes.csv): the kind of service
 * (anesthesia and therapy decide which modifiers apply) and the CMS MPFS PC/TC indicator, where
 * curated.
 *
 * @param pcTcIndicator "0" (no professional/technical split: 26 and TC are not used), "1" (split),
 *     or "" (not curated)
 * @param bilateralIndicator the MPFS bilateral surgery indicator: "0" (no bilateral adjustment: 50
 *     not paid as such), "1" (150% with 50), "2" (the code is already bilateral), "3" (each side
 *     paid at 100%), "9" (the concept does not apply), or "" (not curated)
 */
public record ProcedureClass(
        String fromCode,
        String toCode,
        String service,
        String pcTcIndicator,
        String bilateralIndicator,
        String source,
        Provenance provenance)
        implements Cited {

    /**
     * True when the code falls in the range. Codes of one shape compare as text (00100 &lt; 01999);
     * a Category III code such as 0153T is never inside a range of Category I codes.
     */
    public boolean covers(String code) {
        return code.length() == fromCode.length()
                && digitsOnly(code) == digitsOnly(fromCode)
                && code.compareTo(fromCode) >= 0
                && code.compareTo(toCode) <= 0;
    }

    private static boolean digitsOnly(String code) {
        return code.chars().allMatch(Character::isDigit);
    }

    public boolean hasNoProfessionalTechnicalSplit() {
        return "0".equals(pcTcIndicator);
    }

    @Override
    public String citation() {
        return provenance.location() + " (" + source + ")";
    }
}
