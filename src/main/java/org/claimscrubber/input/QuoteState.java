package org.claimscrubber.input;

/**
 * Where a line leaves RFC 4180 quoting, and whether a quote in it breaks the rules: a quote opens a
 * field only as the field's first character, and a closing quote is followed by a separator or the
 * line's end. A quote anywhere else (a cell written {@code lesion 5" wide}) is stray: a lenient
 * reader would read every line after it into one cell until the next quote, and the rows on those
 * lines would vanish (issue 21).
 */
final class QuoteState {

    static final int FIELD_START = 0;
    static final int UNQUOTED = 1;
    static final int QUOTED = 2;

    /**
     * A quote seen inside a quoted field: the field's end, or the first half of an escaped {@code
     * ""}.
     */
    static final int QUOTE_IN_QUOTED = 3;

    static final int STRAY = -1;

    private QuoteState() {}

    /**
     * The state after {@code text}, starting in {@code state}; {@link #STRAY} on a quote out of
     * place.
     */
    static int scan(String text, char separator, int state) {
        if (state != QUOTED && text.indexOf('"') < 0) {
            return FIELD_START; // the usual row: no quote, nothing to track
        }
        int result = walk(text, separator, state);
        return result < 0 ? STRAY : result;
    }

    /**
     * The position of the first quote out of place in {@code text} (read from {@code state}), or
     * -1.
     */
    static int strayAt(String text, char separator, int state) {
        int result = walk(text, separator, state);
        return result < 0 ? -(result + 2) : -1;
    }

    /** The end state (0 to 2), or {@code -(position + 2)} of the first quote out of place. */
    private static int walk(String text, char separator, int state) {
        int s = state;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (s) {
                case FIELD_START -> s = c == '"' ? QUOTED : c == separator ? FIELD_START : UNQUOTED;
                case UNQUOTED -> {
                    if (c == '"') {
                        return -(i + 2);
                    }
                    s = c == separator ? FIELD_START : UNQUOTED;
                }
                case QUOTED -> s = c == '"' ? QUOTE_IN_QUOTED : QUOTED;
                default -> { // QUOTE_IN_QUOTED
                    if (c == '"') {
                        s = QUOTED;
                    } else if (c == separator) {
                        s = FIELD_START;
                    } else {
                        return -(i + 2);
                    }
                }
            }
        }
        return s == QUOTE_IN_QUOTED ? FIELD_START : s;
    }
}
