package org.claimscrubber.domain;

import java.util.Locale;

/**
 * Normalises codes as exports and documents write them: trimmed and upper case; ICD-10-CM with its
 * dot ({@code C50911} becomes {@code C50.911}); a one-digit place of service padded ({@code 2}
 * becomes {@code 02}, as spreadsheets strip the zero). Normalising never makes a malformed code
 * valid-looking beyond that: the CODE rules still see what is wrong.
 */
public final class Codes {

    private Codes() {}

    public static String procedure(String raw) {
        return upper(raw);
    }

    public static String modifier(String raw) {
        return upper(raw);
    }

    public static String taxonomy(String raw) {
        return upper(raw);
    }

    public static String diagnosis(String raw) {
        String code = upper(raw);
        // Only an ICD-10-CM code written without its dot gains it; anything else stays as written,
        // so the
        // CODE rules report what the file says.
        return code.length() > 3
                        && code.length() <= 7
                        && code.indexOf('.') < 0
                        && CodeFormat.DIAGNOSIS.accepts(
                                code.substring(0, 3) + "." + code.substring(3))
                ? code.substring(0, 3) + "." + code.substring(3)
                : code;
    }

    public static String placeOfService(String raw) {
        String code = raw == null ? "" : raw.strip();
        return code.length() == 1 && Character.isDigit(code.charAt(0)) ? "0" + code : code;
    }

    private static String upper(String raw) {
        return raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    }
}
