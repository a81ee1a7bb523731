package org.claimscrubber.domain;

/**
 * The National Provider Identifier's check digit (CMS, "Requirements for NPI check digit"): ten
 * digits, the last the Luhn check digit of the first nine with the card-issuer prefix 80840 in
 * front. A typing error in an NPI fails it, and the payer rejects the claim at the front end.
 */
public final class Npi {

    private Npi() {}

    /** True for ten digits whose last is the Luhn check digit of 80840 and the first nine. */
    public static boolean isValid(String npi) {
        if (npi == null || npi.length() != 10) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (npi.charAt(i) < '0' || npi.charAt(i) > '9') {
                return false;
            }
        }
        return checkDigit(npi.substring(0, 9)) == npi.charAt(9) - '0';
    }

    /** Why an NPI is not valid, for the message: its shape, or the check digit it should have. */
    public static String problem(String npi) {
        if (npi.length() != 10 || !npi.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "an NPI is ten digits";
        }
        return "its check digit is "
                + npi.charAt(9)
                + ", but the first nine digits give "
                + checkDigit(npi.substring(0, 9))
                + " (a typing error?)";
    }

    /**
     * "Billing NPI 123 is not a valid NPI: ... " for an invalid NPI, "" for a valid or missing one.
     */
    public static String said(String which, String npi) {
        return npi.isEmpty() || isValid(npi)
                ? ""
                : which + " NPI " + npi + " is not a valid NPI: " + problem(npi) + ". ";
    }

    /** The check digit of nine digits. */
    public static int checkDigit(String firstNine) {
        String digits = "80840" + firstNine;
        int sum = 0;
        for (int i = digits.length() - 1, position = 0; i >= 0; i--, position++) {
            int digit = digits.charAt(i) - '0';
            if (position % 2
                    == 0) { // doubled: the rightmost digit of the payload, then every other one
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }
}
