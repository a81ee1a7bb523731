package org.claimscrubber.domain;

import java.util.Locale;
import java.util.Optional;

/** A patient's sex as exports give it (F, M, U), or the sex a diagnosis code implies. */
public enum Sex {
    FEMALE,
    MALE,
    UNKNOWN;

    /** Reads F/M/U (or the full words); blank is UNKNOWN; anything else is empty. */
    public static Optional<Sex> parse(String raw) {
        String value = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        return switch (value) {
            case "F", "FEMALE" -> Optional.of(FEMALE);
            case "M", "MALE" -> Optional.of(MALE);
            case "", "U", "UNKNOWN" -> Optional.of(UNKNOWN);
            default -> Optional.empty();
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
