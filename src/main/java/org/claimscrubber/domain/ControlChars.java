package org.claimscrubber.domain;

/**
 * Text that leaves the program (console, reports) with its control characters shown escaped, so a
 * header or cell holding an ANSI/OSC terminal sequence cannot move the cursor, retitle the terminal
 * or hide text.
 */
public final class ControlChars {

    private ControlChars() {}

    /** Control characters (C0, DEL, C1) as {@code \\u001B}-style escapes; everything else as is. */
    public static String escape(String text) {
        return escape(text, false);
    }

    /**
     * The same for console text of several lines: line feeds are kept, every other control is
     * escaped.
     */
    public static String escapeKeepingLines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLineFeeds) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !isControl(text.charAt(i), keepLineFeeds)) {
            i++;
        }
        if (i == text.length()) {
            return text; // the usual case: nothing to copy
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c, keepLineFeeds)) {
                escaped.append(String.format("\\u%04X", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static boolean isControl(char c, boolean keepLineFeeds) {
        return c < 0x20 && !(keepLineFeeds && c == '\n') || c == 0x7F || c >= 0x80 && c <= 0x9F;
    }
}
