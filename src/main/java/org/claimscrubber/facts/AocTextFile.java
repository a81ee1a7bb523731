package org.claimscrubber.facts;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimscrubber.domain.Codes;
import org.claimscrubber.domain.NcciEdits;

/**
 * The CMS add-on code edits in their fixed-width text version: one add-on and one primary per line,
 * no header. Columns (1-based): 1 AOC edit type, 2-6 add-on code, 7-13 primary code effective date,
 * 14-18 primary code ({@code CCCCC}: contractor-defined primaries), 19-25 primary code deletion
 * date, 26-32 AOC edit effective date, 33-39 AOC edit deletion date, then notes; dates Julian
 * YYYYDDD or blank.
 *
 * <p>This layout is the one public parsers of these files use; CMS's own record layout document was
 * not at hand when this was written. So every line is checked against it, and a file with a line
 * that does not fit is refused with the line and the layout expected (the .xlsx version of the same
 * edits is read by its column names).
 */
final class AocTextFile {

    /**
     * A record: type, add-on, primary effective, primary, primary deletion, AOC effective, AOC
     * deletion.
     */
    private static final Pattern RECORD =
            Pattern.compile(
                    "([123])([A-Z0-9]{5})(\\d{7}| {7})([A-Z0-9]{5})(\\d{7}| {7})(\\d{7})(\\d{7}| {7}).*");

    /** Columns 1 to 39: the fields before the notes. */
    private static final int FIELDS_WIDTH = 39;

    static final String LAYOUT =
            "type (column 1), add-on code (2-6), primary code effective date (7-13), primary code"
                    + " (14-18), primary code deletion date (19-25), AOC edit effective date (26-32), AOC edit deletion date"
                    + " (33-39), Julian YYYYDDD dates";

    private AocTextFile() {}

    /** Whether a file's first line is an add-on code edit record of this layout. */
    static boolean looksLikeOne(String firstLine) {
        return RECORD.matcher(padded(firstLine)).matches();
    }

    /**
     * The file's active edits: a deleted edit, or a deleted primary, is checked for its shape and
     * not applied.
     */
    static void read(Path file, List<NcciEdits.AocEdit> into) throws IOException, FactsException {
        String name = file.getFileName().toString();
        String source = name + " (CMS NCCI add-on code edits, fixed width)";
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                Matcher record = RECORD.matcher(padded(line));
                if (!record.matches()) {
                    throw new FactsException(
                            name
                                    + ":"
                                    + number
                                    + ": not an add-on code edit record of the fixed-width"
                                    + " layout ("
                                    + LAYOUT
                                    + "); if CMS changed the layout, use the .xlsx version of the file");
                }
                for (int date = 3; date <= 7; date += 2) {
                    if (!record.group(date).isBlank()) {
                        CmsWorkbooks.julian(name, number, record.group(date));
                    }
                }
                CmsWorkbooks.julian(name, number, record.group(6));
                if (!record.group(7).isBlank() || !record.group(5).isBlank()) {
                    continue; // the edit, or this primary, is deleted
                }
                String primary = Codes.procedure(record.group(4));
                into.add(
                        new NcciEdits.AocEdit(
                                Codes.procedure(record.group(2)),
                                primary.equals("CCCCC") ? List.of() : List.of(primary),
                                Integer.parseInt(record.group(1)),
                                source));
            }
        }
    }

    private static String padded(String line) {
        return line.length() >= FIELDS_WIDTH
                ? line
                : line + " ".repeat(FIELDS_WIDTH - line.length());
    }
}
