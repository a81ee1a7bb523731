package org.claimscrubber.facts;

import java.util.Locale;

/** What the seed parser did with a part of a document that was not plain to read. */
public record ParseNote(String file, int line, Level level, String message) {

    public enum Level {
        /** Read, but worth knowing (e.g. a row without a leading '|'). */
        INFO,
        /** Read only in part, or not read: the document is incomplete or a row was skipped. */
        WARNING
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + level.name().toLowerCase(Locale.ROOT) + ": " + message;
    }
}
