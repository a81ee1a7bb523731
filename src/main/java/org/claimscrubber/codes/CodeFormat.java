package org.claimscrubber.codes;

import java.util.regex.Pattern;

/**
 * The shape of each code set a claim line carries. The CODE rules and the seed parser use these,
 * so a code the parser accepts from a document is one a claim line may carry.
 */
public enum CodeFormat {
    /** CPT Category I (5 digits), II (4 digits + F), III (4 digits + T), or HCPCS Level II (letter + 4 digits). */
    PROCEDURE("procedure code", "\\d{4}[0-9A-Z]|[A-Z]\\d{4}", "5 characters, e.g. 19301, 0352T or G0463"),
    /** ICD-10-CM: letter, digit, letter or digit, then optionally a dot and 1 to 4 more. */
    DIAGNOSIS("diagnosis code", "[A-Z]\\d[0-9A-Z](\\.[0-9A-Z]{1,4})?", "ICD-10-CM, e.g. C50.911"),
    MODIFIER("modifier", "[0-9A-Z]{2}", "2 letters or digits, e.g. 26 or RT"),
    /** NUCC Health Care Provider Taxonomy: 10 characters ending in X. */
    TAXONOMY("taxonomy code", "\\d{3}[0-9A-Z]{6}X", "10 characters ending in X, e.g. 207Q00000X"),
    PLACE_OF_SERVICE("place of service", "\\d{2}", "2 digits, e.g. 22");

    private final String noun;
    private final Pattern pattern;
    private final String example;

    CodeFormat(String noun, String regex, String example) {
        this.noun = noun;
        this.pattern = Pattern.compile(regex);
        this.example = example;
    }

    public boolean accepts(String code) {
        return code != null && pattern.matcher(code).matches();
    }

    /** What the code is called in messages, e.g. "diagnosis code". */
    public String noun() {
        return noun;
    }

    /** The expected shape, for messages, e.g. "ICD-10-CM, e.g. C50.911". */
    public String expected() {
        return example;
    }
}
