package org.claimscrubber.input;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How to read an export beyond what is detected: a field separator ({@code 0} to detect it from the
 * header), more names for columns (a config's {@code column.procedure_code = Proc Cd}), whether
 * rows keep their bytes as stored, to be forwarded byte for byte (--split), and how many lines
 * above the header to skip (--skip-lines: a report's title block that is not recognised as one).
 */
public record ReadOptions(
        char separator, Map<Column, List<String>> columnNames, boolean forward, int skipLines)
        implements Serializable {

    public static final ReadOptions DETECT = new ReadOptions('\0', Map.of(), false, 0);

    public ReadOptions {
        columnNames = Map.copyOf(columnNames);
        if (skipLines < 0) {
            throw new IllegalArgumentException("lines to skip cannot be negative: " + skipLines);
        }
    }

    public ReadOptions(char separator, Map<Column, List<String>> columnNames) {
        this(separator, columnNames, false, 0);
    }

    /** The same options, keeping each row's bytes as stored (or not). */
    public ReadOptions forwarding(boolean keep) {
        return new ReadOptions(separator, columnNames, keep, skipLines);
    }

    /** The same options, skipping this many lines at the top of each file before the header. */
    public ReadOptions skipping(int lines) {
        return new ReadOptions(separator, columnNames, forward, lines);
    }

    /** comma, semicolon, tab, pipe, or a single character. */
    public static char separatorNamed(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "comma", "," -> ',';
            case "semicolon", ";" -> ';';
            case "tab", "\\t" -> '\t';
            case "pipe", "|" -> '|';
            default -> {
                if (name.length() == 1 && name.charAt(0) != '"') {
                    yield name.charAt(0);
                }
                throw new IllegalArgumentException(
                        "'"
                                + name
                                + "' is not a separator: comma, semicolon, tab, pipe or one character");
            }
        };
    }
}
