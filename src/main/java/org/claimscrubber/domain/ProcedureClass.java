package org.claimscrubber.domain;

/**
 * A range of procedure codes and what they are (procedure-classes.csv): the kind of service (anesthesia and
 * therapy decide which modifiers apply) and the CMS MPFS PC/TC indicator, where curated.
 *
 * @param pcTcIndicator "0" (no professional/technical split: 26 and TC are not used), "1" (split), or "" (not curated)
 * @param bilateralIndicator the MPFS bilateral surgery indicator: "0" (no bilateral adjustment: 50 not paid as
 *                      such), "1" (150% with 50), "2" (the code is already bilateral), "3" (each side paid at 100%),
 *                      "9" (the concept does not apply), or "" (not curated)
 */
public record ProcedureClass(String fromCode, String toCode, String service, String pcTcIndicator,
                             String bilateralIndicator, String source, Provenance provenance) implements Cited {

    /**
     * True when the code falls in the range. Codes of one shape compare as text (00100 &lt; 01999); a Category
     * III code such as 0153T is never inside a range of Category I codes.
     */
    public boolean covers(String code) {
        return code.length() == fromCode.length() && digitsOnly(code) == digitsOnly(fromCode)
                && code.compareTo(fromCode) >= 0 && code.compareTo(toCode) <= 0;
    }

    private static boolean digitsOnly(String code) {
        return code.chars().allMatch(Character::isDigit);
    }

    /** Bilateral indicator 2 (already bilateral) or 9 (does not apply): modifier 50 is wrong, and denied. */
    public boolean forbidsBilateralModifier() {
        return "2".equals(bilateralIndicator) || "9".equals(bilateralIndicator);
    }

    /** Bilateral indicator 0 or 3: CMS makes no bilateral payment adjustment, and many payers deny modifier 50. */
    public boolean hasNoBilateralAdjustment() {
        return "0".equals(bilateralIndicator) || "3".equals(bilateralIndicator);
    }

    public String bilateralMeaning() {
        return switch (bilateralIndicator) {
            case "0" -> "0: no bilateral payment adjustment (both sides are paid as one, at most)";
            case "2" -> "2: the code already describes both sides";
            case "3" -> "3: each side is paid in full on its own line (RT and LT), without the bilateral adjustment";
            case "9" -> "9: the bilateral concept does not apply to this code";
            default -> bilateralIndicator;
        };
    }

    public boolean hasNoProfessionalTechnicalSplit() {
        return "0".equals(pcTcIndicator);
    }

    @Override
    public String citation() {
        return provenance.location() + " (" + source + ")";
    }
}
