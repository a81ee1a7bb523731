package org.claimscrubber.history;

import java.nio.charset.StandardCharsets;

/**
 * 64-bit FNV-1a keys of a service and a claim id: what the history indexes and loads into memory.
 */
final class Keys {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Keys() {}

    static long service(
            String patientKey, String dateOfService, String code, String modifiers, String npi) {
        long hash = OFFSET;
        for (String part : new String[] {patientKey, dateOfService, code, modifiers, npi}) {
            hash = mix(hash, part);
            hash = (hash ^ 0x1F) * PRIME; // a separator, so ("ab","c") and ("a","bc") differ
        }
        return hash;
    }

    /** A patient and a code: what the duplicate and frequency questions look a service up by. */
    static long patientCode(String patientKey, String code) {
        return (mix(mix(OFFSET, patientKey) ^ 0x1F, code) * PRIME);
    }

    static long claim(String claimId) {
        return mix(OFFSET, claimId);
    }

    private static long mix(long hash, String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xFF)) * PRIME;
        }
        return hash;
    }
}
