package org.claimscrubber.domain;

import java.util.Locale;

/** Body side, from a diagnosis code's structure or a laterality modifier (RT, LT). */
public enum Side {
    RIGHT, LEFT, UNSPECIFIED, NOT_SIDED;

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
