package org.claimscrubber.domain;

import java.util.List;

/**
 * The shape of each code set a claim line carries. The CODE rules and the seed parser use these, so
 * a code the parser accepts from a document is one a claim line may carry. The shapes are checked
 * character by character (they run for every code of every line, where a regular expression costs
 * ten times as much); each constant's comment gives the shape as a regular expression.
 */
public enum CodeFormat {
    /**
     * {@code \d{4}[0-9A-Z]|[A-Z]\d{4}}: CPT Category I (5 digits), II (4 digits + F), III (4 digits
     * + T), or HCPCS Level II (letter + 4 digits).
     */
    PROCEDURE("procedure code", "5 characters, e.g. 19301, 0352T or G0463") {
        @Override
        boolean shape(String code) {
            return code.length() == 5
                    && (digits(code, 0, 4) && alphanumeric(code, 4, 5)
                            || letter(code.charAt(0)) && digits(code, 1, 5));
        }
    },
    /**
     * {@code [A-Z][0-9A-Z]{2}(\.[0-9A-Z]{1,4})?}: ICD-10-CM, a category and an optional dotted
     * subcode. The second character is usually a digit, but FY2026 added category QA0 (QA0.0101,
     * SCN2A-related disorder).
     */
    DIAGNOSIS("diagnosis code", "ICD-10-CM, e.g. C50.911") {
        @Override
        boolean shape(String code) {
            int length = code.length();
            return (length == 3
                            || length >= 5
                                    && length <= 8
                                    && code.charAt(3) == '.'
                                    && alphanumeric(code, 4, length))
                    && letter(code.charAt(0))
                    && alphanumeric(code, 1, 3);
        }
    },
    /** {@code [0-9A-Z]{2}}. */
    MODIFIER("modifier", "2 letters or digits, e.g. 26 or RT") {
        @Override
        boolean shape(String code) {
            return code.length() == 2 && alphanumeric(code, 0, 2);
        }
    },
    /** {@code \d{3}[0-9A-Z]{6}X}: NUCC Health Care Provider Taxonomy, 10 characters ending in X. */
    TAXONOMY("taxonomy code", "10 characters ending in X, e.g. 207Q00000X") {
        @Override
        boolean shape(String code) {
            return code.length() == 10
                    && digits(code, 0, 3)
                    && alphanumeric(code, 3, 9)
                    && code.charAt(9) == 'X';
        }
    },
    /** {@code \d{2}}: CMS place of service. */
    PLACE_OF_SERVICE("place of service", "2 digits, e.g. 22") {
        @Override
        boolean shape(String code) {
            return code.length() == 2 && digits(code, 0, 2);
        }
    };

    private final String noun;
    private final String example;

    CodeFormat(String noun, String example) {
        this.noun = noun;
        this.example = example;
    }

    abstract boolean shape(String code);

    public boolean accepts(String code) {
        return code != null && shape(code);
    }

    /** True when every code in the list has this shape. */
    public boolean acceptsAll(List<String> codes) {
        for (String code : codes) {
            if (!accepts(code)) {
                return false;
            }
        }
        return true;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean letter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean digits(String code, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!digit(code.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean alphanumeric(String code, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = code.charAt(i);
            if (!digit(c) && !letter(c)) {
                return false;
            }
        }
        return true;
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
