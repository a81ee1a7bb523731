package org.claimscrubber.domain;

/**
 * What a modifier is, officially (modifier-classes.csv): its class and label. Rules judge a
 * modifier by its class, not by whether a document happens to list it.
 */
public record ModifierClass(
        String modifier, Kind kind, String label, String source, Provenance provenance)
        implements Cited {

    /**
     * "an anesthesia" or "a therapy": the kind of service a modifier class requires, as a message
     * says it.
     */
    public static String serviceNoun(String requiredService) {
        return "ANESTHESIA".equals(requiredService) ? "an anesthesia" : "a therapy";
    }

    /**
     * The classes; {@code requiredService} names the only kind of service a modifier of the class
     * may be on.
     */
    public enum Kind {
        SIDE("a side modifier", null),
        ANATOMIC("an anatomic modifier", null),
        NCCI_ASSOCIATED("an NCCI-associated modifier", null),
        PROFESSIONAL_TECHNICAL("a professional/technical component modifier", null),
        ANESTHESIA("an anesthesia modifier", "ANESTHESIA"),
        ASSISTANT_AT_SURGERY("an assistant-at-surgery modifier", null),
        THERAPY("a therapy modifier", "THERAPY"),
        LIABILITY("a liability notice modifier", null),
        REPEAT_MULTIPLE("a repeat or multiple-procedure modifier", null),
        SERVICE("a modifier that describes the service performed", null),
        CLINICAL_RESEARCH("a clinical research modifier", null),
        INFUSION("an infusion modifier", null),
        FACILITY("a facility modifier", null);

        private final String noun;
        private final String requiredService;

        Kind(String noun, String requiredService) {
            this.noun = noun;
            this.requiredService = requiredService;
        }

        public String noun() {
            return noun;
        }

        public String requiredService() {
            return requiredService;
        }

        /**
         * Side and anatomic modifiers say where, and liability modifiers what notice was given: any
         * service.
         */
        public boolean appliesToAnyService() {
            return this == SIDE || this == ANATOMIC || this == LIABILITY;
        }
    }

    public String requiredService() {
        return kind.requiredService();
    }

    public boolean appliesToAnyService() {
        return kind.appliesToAnyService();
    }

    /** e.g. "CQ (Outpatient physical therapy services ...)". */
    public String described() {
        return modifier + " (" + label + ")";
    }

    @Override
    public String citation() {
        return provenance.location() + " (" + source + ")";
    }
}
