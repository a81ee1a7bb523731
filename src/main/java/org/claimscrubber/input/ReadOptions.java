package org.claimscrubber.input;

import java.util.List;
import java.util.Map;

/**
 * How to read an export beyond what is detected: a field separator ({@code 0} to detect it from the header) and
 * more names for columns (a config's {@code column.procedure_code = Proc Cd}).
 */
public record ReadOptions(char separator, Map<Column, List<String>> columnNames) implements java.io.Serializable {

    public static final ReadOptions DETECT = new ReadOptions('\0', Map.of());

    public ReadOptions {
        columnNames = Map.copyOf(columnNames);
    }

    /** comma, semicolon, tab, pipe, or a single character. */
    public static char separatorNamed(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "comma", "," -> ',';
            case "semicolon", ";" -> ';';
            case "tab", "\\t" -> '\t';
            case "pipe", "|" -> '|';
            default -> {
                if (name.length() == 1 && name.charAt(0) != '"') {
                    yield name.charAt(0);
                }
                throw new IllegalArgumentException("'" + name + "' is not a separator: comma, semicolon, tab, pipe or one character");
            }
        };
    }
}
