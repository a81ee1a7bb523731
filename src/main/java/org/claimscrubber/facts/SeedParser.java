package org.claimscrubber.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimscrubber.domain.AddOnCode;
import org.claimscrubber.domain.CodeFormat;
import org.claimscrubber.domain.Codes;
import org.claimscrubber.domain.DiagnosisEntry;
import org.claimscrubber.domain.ModifierEntry;
import org.claimscrubber.domain.NotAvailable;
import org.claimscrubber.domain.ProcedureDocument;
import org.claimscrubber.domain.Provenance;
import org.claimscrubber.domain.RelatedProcedureEntry;
import org.claimscrubber.domain.Relationship;
import org.claimscrubber.domain.SeedFact;
import org.claimscrubber.domain.ServiceType;
import org.claimscrubber.domain.TableInfo;
import org.claimscrubber.domain.TableKind;
import org.claimscrubber.domain.TaxonomyEntry;
import org.claimscrubber.domain.TypicalPlacesOfService;
import org.claimscrubber.domain.TypicalSite;
import org.claimscrubber.domain.UnitLimit;

/**
 * Turns one seed document into facts with provenance. The documents are messy (tables with and
 * without a leading '|', tables cut off mid-row, "Data not available" markers, a scraped web page
 * with no tables), so the parser reads what it can and records in {@link ParseNote}s what it did
 * with the rest: nothing is skipped without a note.
 */
public final class SeedParser {

    private static final Pattern TITLE = Pattern.compile("^CPT\\s+(\\d{4}[0-9A-Z])\\s*:\\s*(.+)$");
    private static final Pattern QUESTION =
            Pattern.compile(
                    "question about CPT\\S*\\s+Code\\s+(\\d{4}[0-9A-Z])\\b",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern CODE_MENTION =
            Pattern.compile("\\b[Cc]ode\\s+(\\d{4}[0-9A-Z])\\b");
    private static final Pattern ANY_CODE = Pattern.compile("\\b(\\d{4}[0-9A-Z])\\b");
    private static final Pattern STATEMENT =
            Pattern.compile(
                    "^-?\\s*(Service type|Typical site of service)\\s*:\\s*(.+)$",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_AVAILABLE =
            Pattern.compile("^Data not available in the input\\.?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD_ON_MARKER =
            Pattern.compile(
                    "\\badd-on\\b|list separately in addition to code for primary procedure",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern PRIMARY_CUE =
            Pattern.compile(
                    "add-on|primary|in addition to|each additional", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNIT_BASIS =
            Pattern.compile("\\breported (per [a-z]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATOR_CELL = Pattern.compile(":?-{3,}:?");
    private static final String OFFICIAL_DESCRIPTION = "Official Description";

    private final Interpretations interpretations;

    public SeedParser(Interpretations interpretations) {
        this.interpretations = interpretations;
    }

    public SeedDocument parse(String file, String text) {
        return new DocumentParse(file, text).run();
    }

    /** A non-blank line outside any table, with the section heading above it. */
    private record TextLine(int number, String section, String text) {}

    private record Subject(String code, String title, int line, String how) {}

    /** The state of reading one document. */
    private final class DocumentParse {
        private final String file;
        private final List<String> lines;
        private final List<SeedFact> facts = new ArrayList<>();
        private final List<ParseNote> notes = new ArrayList<>();
        private final List<TextLine> text = new ArrayList<>();
        private final int lastNonBlankLine;
        private String code;

        DocumentParse(String file, String content) {
            this.file = file;
            String[] split = content.split("\\R", -1);
            this.lines = List.of(split);
            int last = -1;
            for (int i = 0; i < split.length; i++) {
                if (!split[i].isBlank()) {
                    last = i;
                }
            }
            this.lastNonBlankLine = last;
        }

        SeedDocument run() {
            Optional<Subject> subject = findSubject();
            if (subject.isEmpty()) {
                note(
                        1,
                        ParseNote.Level.WARNING,
                        "no procedure code found (no 'CPT <code>:' title and no code "
                                + "mentioned); no facts were read from this document");
                return new SeedDocument(file, null, facts, notes);
            }
            code = subject.get().code();
            facts.add(
                    new ProcedureDocument(
                            code,
                            subject.get().title(),
                            new Provenance(
                                    file, subject.get().line(), sectionAt(subject.get().line()))));
            if (subject.get().how() != null) {
                note(subject.get().line(), ParseNote.Level.INFO, subject.get().how());
            }
            scanLines();
            readAddOn();
            readUnitBasis();
            readCompanions();
            return new SeedDocument(file, code, facts, notes);
        }

        // ---- the subject: which procedure the document is about ----

        private Optional<Subject> findSubject() {
            for (int i = 0; i < lines.size(); i++) {
                Matcher title = TITLE.matcher(lines.get(i).strip());
                if (title.matches()) {
                    return Optional.of(
                            new Subject(title.group(1), title.group(2).strip(), i + 1, null));
                }
            }
            String officialTitle = officialDescription();
            for (int i = 0; i < lines.size(); i++) {
                Matcher question = QUESTION.matcher(lines.get(i));
                if (question.find()) {
                    return Optional.of(
                            new Subject(
                                    question.group(1),
                                    officialTitle,
                                    i + 1,
                                    "no 'CPT <code>:' title line; the document is taken to be about "
                                            + question.group(1)
                                            + " from this line: '"
                                            + lines.get(i).strip()
                                            + "'"));
                }
            }
            return mostMentionedCode(officialTitle);
        }

        private Optional<Subject> mostMentionedCode(String officialTitle) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            Map<String, Integer> firstLine = new LinkedHashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                Matcher mention = CODE_MENTION.matcher(lines.get(i));
                while (mention.find()) {
                    counts.merge(mention.group(1), 1, Integer::sum);
                    firstLine.putIfAbsent(mention.group(1), i + 1);
                }
            }
            return counts.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .map(
                            top ->
                                    new Subject(
                                            top.getKey(),
                                            officialTitle,
                                            firstLine.get(top.getKey()),
                                            "no 'CPT <code>:' title line; the document is taken "
                                                    + "to be about "
                                                    + top.getKey()
                                                    + ", the code it names most ("
                                                    + top.getValue()
                                                    + " times)"));
        }

        /**
         * The first non-blank line after an "Official Description" heading, if the document has
         * one.
         */
        private String officialDescription() {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).strip().equalsIgnoreCase(OFFICIAL_DESCRIPTION)) {
                    for (int j = i + 1; j < lines.size(); j++) {
                        if (!lines.get(j).isBlank()) {
                            return lines.get(j).strip();
                        }
                    }
                }
            }
            return "";
        }

        private String sectionAt(int lineNumber) {
            String section = "(top)";
            for (int i = 0; i < lineNumber - 1 && i < lines.size(); i++) {
                if (isHeading(lines.get(i).strip())) {
                    section = lines.get(i).strip();
                }
            }
            return section;
        }

        // ---- line by line: headings, statements, markers and tables ----

        private void scanLines() {
            String section = "(top)";
            int i = 0;
            while (i < lines.size()) {
                String line = lines.get(i).strip();
                int number = i + 1;
                if (line.isEmpty()) {
                    i++;
                } else if (isTableHeader(i)) {
                    i = readTable(i, section);
                } else if (line.contains("|")) {
                    note(
                            number,
                            ParseNote.Level.WARNING,
                            "a table row with no table header above it was not read: '"
                                    + abbreviate(line)
                                    + "'");
                    i++;
                } else {
                    if (isHeading(line)) {
                        section = line;
                    } else {
                        readStatement(number, section, line);
                        text.add(new TextLine(number, section, line));
                    }
                    i++;
                }
            }
        }

        private void readStatement(int number, String section, String line) {
            Provenance where = new Provenance(file, number, section);
            Matcher statement = STATEMENT.matcher(line);
            if (statement.matches()) {
                String value = statement.group(2).strip();
                if (statement.group(1).equalsIgnoreCase("Service type")) {
                    facts.add(new ServiceType(code, value, where));
                } else {
                    facts.add(new TypicalSite(code, value, where));
                    readPlacesOfService(value, where);
                }
            } else if (NOT_AVAILABLE.matcher(line).matches()) {
                facts.add(new NotAvailable(code, section, where));
                note(
                        number,
                        ParseNote.Level.INFO,
                        "the document says data is not available (section '" + section + "')");
            }
        }

        private void readPlacesOfService(String siteText, Provenance where) {
            Optional<Interpretation> reading =
                    interpretations.find(Interpretation.Kind.PLACE_OF_SERVICE, code, siteText);
            if (reading.isEmpty()) {
                note(
                        where.line(),
                        ParseNote.Level.WARNING,
                        "typical site of service '"
                                + abbreviate(siteText)
                                + "' matches no PLACE_OF_SERVICE row of interpretations.csv, so it is not checked");
                return;
            }
            facts.add(
                    new TypicalPlacesOfService(
                            code,
                            reading.get().values(),
                            siteText,
                            where.interpretedBy(reading.get().source())));
        }

        /**
         * A heading is a short title-like line: at most six words, capitalised, no table bar, no
         * colon and no sentence ending. Headings only label provenance, so a stray match costs
         * nothing.
         */
        private boolean isHeading(String line) {
            return !line.isEmpty()
                    && line.length() <= 60
                    && Character.isUpperCase(line.charAt(0))
                    && !line.contains("|")
                    && !line.contains(":")
                    && !line.endsWith(".")
                    && !line.endsWith("?")
                    && !line.endsWith("!")
                    && line.split("\\s+").length <= 6;
        }

        private boolean isTableHeader(int index) {
            return lines.get(index).contains("|")
                    && index + 1 < lines.size()
                    && isSeparator(lines.get(index + 1));
        }

        private boolean isSeparator(String line) {
            List<String> cells = cells(line);
            return line.contains("-")
                    && !cells.isEmpty()
                    && cells.stream().allMatch(cell -> SEPARATOR_CELL.matcher(cell).matches());
        }

        // ---- tables ----

        /**
         * Reads the table whose header is at {@code headerIndex}; returns the index of the line
         * after it.
         */
        private int readTable(int headerIndex, String section) {
            List<String> header = cells(lines.get(headerIndex));
            int headerLine = headerIndex + 1;
            int end = headerIndex + 2;
            while (end < lines.size() && lines.get(end).contains("|") && !isTableHeader(end)) {
                end++;
            }
            Optional<TableKind> kind =
                    header.isEmpty() ? Optional.empty() : TableKind.fromHeader(header.get(0));
            if (kind.isEmpty()) {
                note(
                        headerLine,
                        ParseNote.Level.WARNING,
                        "a table with header '"
                                + String.join(" | ", header)
                                + "' is not a known table (modifiers, taxonomies, related diagnoses, related CPT codes); its "
                                + (end - headerIndex - 2)
                                + " rows were not read");
                for (int row = headerIndex + 2; row < end; row++) {
                    note(
                            row + 1,
                            ParseNote.Level.WARNING,
                            "row not read: its table's header (line "
                                    + headerLine
                                    + ") is not a known table: '"
                                    + abbreviate(lines.get(row).strip())
                                    + "'");
                }
                return end;
            }
            TableReading reading = new TableReading(kind.get(), header.size(), section);
            for (int i = headerIndex + 2; i < end; i++) {
                reading.row(i);
            }
            reading.finish(headerLine, end);
            return end;
        }

        /** Reading the rows of one table. */
        private final class TableReading {
            private final TableKind kind;
            private final int columns;
            private final String section;
            private int rowsRead;
            private int withoutLeadingBar;
            private boolean cutOff;
            private int lastLine;

            TableReading(TableKind kind, int columns, String section) {
                this.kind = kind;
                this.columns = columns;
                this.section = section;
            }

            void row(int index) {
                String raw = lines.get(index).strip();
                int number = index + 1;
                lastLine = number;
                List<String> cells = cells(raw);
                if (!raw.startsWith("|")) {
                    withoutLeadingBar++;
                }
                if (cells.isEmpty() || cells.get(0).isEmpty()) {
                    note(
                            number,
                            ParseNote.Level.WARNING,
                            kind.rowNoun()
                                    + " table row with no code was not read: '"
                                    + abbreviate(raw)
                                    + "'");
                    return;
                }
                String key = normalise(cells.get(0));
                if (!formatOf().accepts(key)) {
                    note(
                            number,
                            ParseNote.Level.WARNING,
                            kind.rowNoun()
                                    + " table row was not read: '"
                                    + abbreviate(cells.get(0))
                                    + "' is not a "
                                    + formatOf().noun()
                                    + " ("
                                    + formatOf().expected()
                                    + ")");
                    return;
                }
                boolean truncated = cells.size() < columns;
                if (truncated) {
                    boolean endsDocument = index >= lastNonBlankLine;
                    cutOff |= endsDocument;
                    note(
                            number,
                            ParseNote.Level.WARNING,
                            endsDocument
                                    ? "the document ends inside this "
                                            + kind.rowNoun()
                                            + " row ('"
                                            + abbreviate(raw)
                                            + "'): its code "
                                            + key
                                            + " was read, the rest of the row and of the table is missing"
                                    : "this "
                                            + kind.rowNoun()
                                            + " row has "
                                            + cells.size()
                                            + " of "
                                            + columns
                                            + " cells; its code "
                                            + key
                                            + " was read, the missing cells are empty");
                } else if (cells.size() > columns) {
                    note(
                            number,
                            ParseNote.Level.INFO,
                            "this row has "
                                    + cells.size()
                                    + " cells for "
                                    + columns
                                    + " columns; the extra cells were joined into the last one");
                    List<String> joined = new ArrayList<>(cells.subList(0, columns - 1));
                    joined.add(String.join(" | ", cells.subList(columns - 1, cells.size())));
                    cells = joined;
                }
                facts.add(fact(key, cells, truncated, new Provenance(file, number, section)));
                rowsRead++;
            }

            void finish(int headerLine, int end) {
                String bars =
                        withoutLeadingBar == 0
                                ? ""
                                : " (" + withoutLeadingBar + " without a leading '|')";
                note(
                        headerLine,
                        ParseNote.Level.INFO,
                        kind.rowNoun()
                                + " table, lines "
                                + headerLine
                                + "-"
                                + end
                                + ": "
                                + rowsRead
                                + " rows read"
                                + bars);
                facts.add(
                        new TableInfo(
                                code,
                                kind,
                                rowsRead,
                                cutOff,
                                lastLine,
                                new Provenance(file, headerLine, section)));
            }

            private CodeFormat formatOf() {
                return switch (kind) {
                    case MODIFIERS -> CodeFormat.MODIFIER;
                    case TAXONOMIES -> CodeFormat.TAXONOMY;
                    case DIAGNOSES -> CodeFormat.DIAGNOSIS;
                    case RELATED_PROCEDURES -> CodeFormat.PROCEDURE;
                };
            }

            private String normalise(String cell) {
                return switch (kind) {
                    case MODIFIERS -> Codes.modifier(cell);
                    case TAXONOMIES -> Codes.taxonomy(cell);
                    case DIAGNOSES -> Codes.diagnosis(cell);
                    case RELATED_PROCEDURES -> Codes.procedure(cell);
                };
            }

            private SeedFact fact(
                    String key, List<String> cells, boolean truncated, Provenance where) {
                String second = cell(cells, 1);
                String third = cell(cells, 2);
                return switch (kind) {
                    case MODIFIERS -> new ModifierEntry(code, key, second, third, truncated, where);
                    case TAXONOMIES ->
                            new TaxonomyEntry(code, key, second, third, truncated, where);
                    case DIAGNOSES ->
                            new DiagnosisEntry(code, key, second, third, truncated, where);
                    case RELATED_PROCEDURES ->
                            relatedProcedure(key, second, third, truncated, where);
                };
            }

            private RelatedProcedureEntry relatedProcedure(
                    String related,
                    String description,
                    String relationship,
                    boolean truncated,
                    Provenance where) {
                Optional<Interpretation> reading =
                        interpretations.find(Interpretation.Kind.RELATIONSHIP, code, relationship);
                Relationship kindOf =
                        reading.map(r -> parseRelationship(r, where))
                                .orElse(Relationship.UNCLASSIFIED);
                Provenance cited = reading.map(r -> where.interpretedBy(r.source())).orElse(where);
                return new RelatedProcedureEntry(
                        code, related, description, relationship, kindOf, truncated, cited);
            }

            private Relationship parseRelationship(Interpretation reading, Provenance where) {
                String value = reading.values().isEmpty() ? "" : reading.values().get(0);
                try {
                    return Relationship.valueOf(value);
                } catch (IllegalArgumentException e) {
                    note(
                            where.line(),
                            ParseNote.Level.WARNING,
                            reading.source()
                                    + " reads this row as '"
                                    + value
                                    + "', which is not a relationship; the row is left unclassified");
                    return Relationship.UNCLASSIFIED;
                }
            }
        }

        // ---- facts stated in prose ----

        /**
         * "add-on" or "List separately in addition to code for primary procedure", and the primary
         * code named.
         */
        private void readAddOn() {
            Optional<TextLine> marker =
                    text.stream().filter(t -> ADD_ON_MARKER.matcher(t.text()).find()).findFirst();
            if (marker.isEmpty()) {
                return;
            }
            for (TextLine line : text) {
                if (!PRIMARY_CUE.matcher(line.text()).find()) {
                    continue;
                }
                Matcher other = ANY_CODE.matcher(line.text());
                while (other.find()) {
                    if (!other.group(1).equals(code)) {
                        facts.add(
                                new AddOnCode(
                                        code,
                                        other.group(1),
                                        new Provenance(file, line.number(), line.section())));
                        note(
                                line.number(),
                                ParseNote.Level.INFO,
                                code
                                        + " read as an add-on code (line "
                                        + marker.get().number()
                                        + ") to primary code "
                                        + other.group(1)
                                        + " (this line)");
                        return;
                    }
                }
            }
            note(
                    marker.get().number(),
                    ParseNote.Level.WARNING,
                    "the document calls "
                            + code
                            + " an add-on code but names no primary code, so its ADD_ON check cannot run");
        }

        /** "reported per breast": the basis, read as limits by a UNIT_BASIS interpretation. */
        private void readUnitBasis() {
            for (TextLine line : text) {
                Matcher basis = UNIT_BASIS.matcher(line.text());
                if (!basis.find()) {
                    continue;
                }
                String stated = basis.group(1).toLowerCase(Locale.ROOT);
                Provenance where = new Provenance(file, line.number(), line.section());
                Optional<Interpretation> reading =
                        interpretations.find(Interpretation.Kind.UNIT_BASIS, code, stated);
                if (reading.isEmpty()) {
                    note(
                            line.number(),
                            ParseNote.Level.WARNING,
                            "the document says "
                                    + code
                                    + " is reported "
                                    + stated
                                    + ", but no UNIT_BASIS row of interpretations.csv gives its limits");
                    return;
                }
                facts.add(
                        new UnitLimit(
                                code,
                                stated,
                                limit(reading.get(), "line"),
                                limit(reading.get(), "day"),
                                where.interpretedBy(reading.get().source())));
                return;
            }
        }

        private int limit(Interpretation reading, String name) {
            for (String value : reading.values()) {
                String[] pair = value.split("=", 2);
                if (pair.length == 2 && pair[0].strip().equalsIgnoreCase(name)) {
                    try {
                        return Integer.parseInt(pair[1].strip());
                    } catch (NumberFormatException e) {
                        break;
                    }
                }
            }
            return 0;
        }

        /** COMPANION rows: a prose phrase naming the surgery the procedure is performed during. */
        private void readCompanions() {
            for (Interpretation reading :
                    interpretations.ofKind(Interpretation.Kind.COMPANION, code)) {
                text.stream()
                        .filter(line -> reading.foundIn(line.text()))
                        .findFirst()
                        .ifPresent(
                                line -> {
                                    Provenance where =
                                            new Provenance(file, line.number(), line.section())
                                                    .interpretedBy(reading.source());
                                    for (String companion : reading.values()) {
                                        facts.add(
                                                new RelatedProcedureEntry(
                                                        code,
                                                        companion,
                                                        "(named in the document's prose)",
                                                        reading.phrase(),
                                                        Relationship.SAME_SESSION,
                                                        false,
                                                        where));
                                    }
                                });
            }
        }

        private void note(int line, ParseNote.Level level, String message) {
            notes.add(new ParseNote(file, line, level, message));
        }
    }

    /** Splits a table line into trimmed cells, with or without leading and trailing bars. */
    static List<String> cells(String line) {
        String row = line.strip();
        if (row.startsWith("|")) {
            row = row.substring(1);
        }
        if (row.endsWith("|")) {
            row = row.substring(0, row.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        for (String cell : row.split("\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    private static String cell(List<String> cells, int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
