package org.claimscrubber.domain;

import java.util.Locale;

/**
 * Body side, from a diagnosis code's structure or title, or a laterality modifier (RT, LT, eyelid,
 * finger, toe). BILATERAL diagnoses (M17.0, bilateral knee osteoarthritis) support either side.
 */
public enum Side {
    RIGHT,
    LEFT,
    BILATERAL,
    UNSPECIFIED,
    NOT_SIDED;

    public Side opposite() {
        return switch (this) {
            case RIGHT -> LEFT;
            case LEFT -> RIGHT;
            default -> this;
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
