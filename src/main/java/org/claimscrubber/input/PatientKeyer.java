package org.claimscrubber.input;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a patient id into the key a claim history stores instead: HMAC-SHA-256 under the history's
 * secret key, the first 128 bits in hex. Without the key the id cannot be recovered or guessed by
 * hashing candidate ids, and two histories with different keys cannot be joined. Each parser takes
 * its own {@link #hasher()} (a Mac is not thread-safe).
 */
public final class PatientKeyer {

    /** No history is kept: no line gets a patient key. */
    public static final PatientKeyer NONE = new PatientKeyer(null);

    private final byte[] key;

    private PatientKeyer(byte[] key) {
        this.key = key;
    }

    public static PatientKeyer withKey(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("a patient key needs at least 32 bytes");
        }
        return new PatientKeyer(key.clone());
    }

    /** A hasher for one thread; for {@link #NONE}, one that gives every id an empty key. */
    public Hasher hasher() {
        if (key == null) {
            return id -> "";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return id -> {
                String value = id == null ? "" : id.strip();
                if (value.isEmpty()) {
                    return "";
                }
                byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
                StringBuilder hex = new StringBuilder(32);
                for (int i = 0; i < 16; i++) {
                    hex.append(Character.forDigit((digest[i] >> 4) & 0xF, 16))
                            .append(Character.forDigit(digest[i] & 0xF, 16));
                }
                return hex.toString();
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        }
    }

    /** A patient id to its key, or "" for an empty id. */
    @FunctionalInterface
    public interface Hasher {
        String key(String patientId);
    }
}
