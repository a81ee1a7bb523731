package org.claimscrubber.input;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.claimscrubber.domain.ControlChars;

/** Where each known column sits in a file's header, and which header cells were not recognised. */
public final class ColumnMap implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Map<String, Column> BY_KEY = new HashMap<>();

    static {
        for (Column column : Column.values()) {
            BY_KEY.put(Column.matchKey(column.header()), column);
        }
        // The names practice-management and billing systems give the same columns (matched like the
        // documented
        // ones: any case, separators ignored).
        alias(
                Column.CLAIM_ID,
                "Claim",
                "Claim Number",
                "Claim No",
                "Claim #",
                "Claim ID Number",
                "Encounter ID");
        alias(
                Column.LINE_NUMBER,
                "Line",
                "Line No",
                "Line #",
                "Service Line",
                "Claim Line",
                "Line Item");
        alias(
                Column.DATE_OF_SERVICE,
                "DOS",
                "Service Date",
                "From Date",
                "Date of Service From",
                "DOS From",
                "Service From Date");
        alias(
                Column.PROCEDURE_CODE,
                "CPT",
                "CPT Code",
                "HCPCS",
                "HCPCS Code",
                "CPT/HCPCS",
                "Procedure",
                "Procedure Code",
                "Proc Code");
        alias(Column.MODIFIERS, "Modifier", "Mods");
        for (int i = 1; i <= 4; i++) {
            alias(Column.valueOf("MODIFIER_" + i), "Mod " + i, "Modifier " + i, "Mod" + i);
        }
        alias(
                Column.UNITS,
                "Days or Units",
                "Units of Service",
                "Service Units",
                "Qty",
                "Quantity");
        alias(
                Column.DIAGNOSIS_CODES,
                "Diagnosis",
                "Diagnoses",
                "Dx",
                "Dx Codes",
                "ICD-10",
                "ICD-10 Codes");
        for (int i = 1; i <= 12; i++) {
            alias(
                    Column.valueOf("DIAGNOSIS_" + i),
                    "Dx " + i,
                    "Dx" + i,
                    "ICD-10 " + i,
                    "ICD10 " + i,
                    "Diagnosis " + i,
                    "Diagnosis Code " + i);
        }
        alias(
                Column.RENDERING_TAXONOMY,
                "Rendering Provider Taxonomy",
                "Rendering Taxonomy Code",
                "Taxonomy",
                "Taxonomy Code",
                "Provider Taxonomy");
        alias(Column.RENDERING_NPI, "Rendering NPI", "Rendering Provider NPI", "NPI");
        alias(Column.PLACE_OF_SERVICE, "POS", "Place of Service Code", "POS Code");
        alias(Column.PAYER, "Payer Name", "Insurance", "Primary Payer", "Plan");
        alias(Column.PATIENT_SEX, "Sex", "Gender", "Patient Gender");
        alias(Column.PATIENT_ID, "Patient", "MRN", "Account", "Patient Account", "Member ID");
        alias(Column.PATIENT_BIRTH_DATE, "DOB", "Birth Date", "Date of Birth", "Patient DOB");
        alias(
                Column.PRIOR_AUTHORIZATION,
                "Prior Auth",
                "Prior Authorization",
                "Prior Authorization Number",
                "Prior Auth Number",
                "Auth #",
                "Auth Number",
                "Authorization",
                "Authorization Number",
                "PA Number");
        alias(Column.BILLING_NPI, "Billing NPI", "Billing Provider NPI", "Pay-to NPI", "Group NPI");
        alias(Column.REFERRING_NPI, "Referring NPI", "Referring Provider NPI", "Ordering NPI");
        alias(
                Column.CLAIM_FREQUENCY_CODE,
                "Frequency Code",
                "Claim Frequency",
                "Freq Code",
                "Claim Frequency Type Code",
                "Resubmission Code");
        alias(
                Column.ACCIDENT_INDICATOR,
                "Accident",
                "Accident Indicator",
                "Related to Accident",
                "Accident Related");
        alias(
                Column.CHARGE,
                "Charges",
                "Billed Amount",
                "Billed",
                "Charge Amount",
                "Line Charge",
                "Amount");
    }

    private static void alias(Column column, String... names) {
        for (String name : names) {
            Column earlier = BY_KEY.putIfAbsent(Column.matchKey(name), column);
            if (earlier != null && earlier != column) {
                throw new IllegalStateException(
                        "column alias '" + name + "' names " + earlier + " and " + column);
            }
        }
    }

    private final EnumMap<Column, Integer> index;
    private final int[] positions;
    private final String[] names;
    private final List<String> ignored;
    private final int width;
    private final int cellsPerRow;
    private final boolean hasDiagnoses;
    private final boolean endsWithHeldBy;

    private ColumnMap(
            EnumMap<Column, Integer> index, List<String> ignored, int width, String[] header) {
        this(index, ignored, width, header, header.length);
    }

    private ColumnMap(
            EnumMap<Column, Integer> index,
            List<String> ignored,
            int width,
            String[] header,
            int cellsPerRow) {
        this.cellsPerRow = cellsPerRow;
        this.index = index;
        this.names = header.clone();
        this.positions = new int[Column.values().length];
        Arrays.fill(positions, -1);
        index.forEach((column, at) -> positions[column.ordinal()] = at);
        this.ignored = List.copyOf(ignored);
        this.width = width;
        this.hasDiagnoses =
                index.keySet().stream().anyMatch(column -> column.name().startsWith("DIAGNOSIS_"));
        this.endsWithHeldBy = width == names.length && names[width - 1].strip().equals(HELD_BY);
    }

    /**
     * Reads a header row. Empty cells at the end (a trailing delimiter) do not count as columns.
     *
     * @throws InputFileException when a column appears twice or a required column is missing
     */
    public static ColumnMap of(String file, String[] header) throws InputFileException {
        return of(file, header, Map.of());
    }

    /**
     * @param extraNames more names for columns, from the config ({@code column.procedure_code =
     *     Proc Cd})
     */
    public static ColumnMap of(String file, String[] header, Map<Column, List<String>> extraNames)
            throws InputFileException {
        return of(file, 1, header, extraNames);
    }

    /** The same for a header read on line {@code line} of the file (below a title block). */
    public static ColumnMap of(
            String file, long line, String[] header, Map<Column, List<String>> extraNames)
            throws InputFileException {
        String at = file + ":" + line + ": ";
        Map<String, Column> known = BY_KEY;
        if (!extraNames.isEmpty()) {
            known = new HashMap<>(BY_KEY);
            for (Map.Entry<Column, List<String>> names : extraNames.entrySet()) {
                for (String name : names.getValue()) {
                    known.put(Column.matchKey(name), names.getKey());
                }
            }
        }
        int width = header.length;
        while (width > 1 && header[width - 1].isBlank()) {
            width--;
        }
        EnumMap<Column, Integer> index = new EnumMap<>(Column.class);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            Column column = known.get(Column.matchKey(header[i]));
            if (column == null) {
                if (i == width - 1 && header[i].strip().equals(HELD_BY)) {
                    // a reworked held-claims.csv: the scrubber's own column, dropped when forwarded
                    continue;
                }
                ignored.add(
                        header[i].isBlank()
                                ? "(column " + (i + 1) + ", no name)"
                                : header[i].strip());
                continue;
            }
            Integer earlier = index.putIfAbsent(column, i);
            if (earlier != null) {
                throw new InputFileException(
                        at
                                + "column '"
                                + column.header()
                                + "' appears twice (columns "
                                + (earlier + 1)
                                + " and "
                                + (i + 1)
                                + ": '"
                                + header[earlier].strip()
                                + "' and '"
                                + header[i].strip()
                                + "'), so its values are ambiguous");
            }
        }
        List<String> missing = new ArrayList<>();
        for (Column column : Column.values()) {
            if (column.required() && !index.containsKey(column)) {
                missing.add(column.header());
            }
        }
        if (index.isEmpty()) {
            // Not a header at all (a headerless export, or a preamble line): its cells may be
            // patient data.
            throw new InputFileException(
                    at
                            + (line == 1 ? "the first line" : "the line below the skipped ones")
                            + " names none of the columns the scrubber reads, so it is not a header row (it is not shown: it"
                            + " may hold patient data); the export needs a header naming at least "
                            + String.join(", ", missing)
                            + " (lines above the header that are not recognised as a title are skipped with --skip-lines N)");
        }
        if (!missing.isEmpty()) {
            throw new InputFileException(
                    at
                            + "required column"
                            + (missing.size() > 1 ? "s " : " ")
                            + String.join(", ", missing)
                            + (missing.size() > 1 ? " are" : " is")
                            + " missing; columns found: "
                            + describe(header)
                            + "; "
                            + suggestion(header, index));
        }
        return new ColumnMap(index, ignored, width, header);
    }

    /**
     * The header's columns by name, so the user can map the missing one. A cell with more than two
     * digits (a date, an id, a phone number) is counted, not shown: a header row that is partly
     * data must not echo a patient's values (issue 21), while names such as "Dx 1" or "Claim #" are
     * what the user needs to see (issue 23).
     */
    private static String describe(String[] header) {
        List<String> names = new ArrayList<>();
        int hidden = 0;
        for (String name : header) {
            if (name.chars().filter(Character::isDigit).count() > 2 || name.contains("@")) {
                hidden++;
            } else {
                names.add("'" + ControlChars.escape(name.strip()) + "'");
            }
        }
        return String.join(", ", names)
                + (hidden == 0
                        ? ""
                        : " and "
                                + hidden
                                + " more that look"
                                + (hidden == 1 ? "s" : "")
                                + " like data, not shown");
    }

    /**
     * What to write in --config for a missing required column: "column.claim_id = Claim #" for the
     * unread header most like its name, or how to name one when none is.
     */
    private static String suggestion(String[] header, EnumMap<Column, Integer> index) {
        List<String> lines = new ArrayList<>();
        for (Column column : Column.values()) {
            if (!column.required() || index.containsKey(column)) {
                continue;
            }
            String likeliest = null;
            for (int i = 0; i < header.length; i++) {
                if (!index.containsValue(i)
                        && header[i].chars().filter(Character::isDigit).count() <= 2
                        && likelyMeant(header[i]) == column) {
                    likeliest = header[i].strip();
                    break;
                }
            }
            String name = column.header();
            lines.add(
                    "column."
                            + name
                            + " = "
                            + (likeliest == null
                                    ? "<the header of that column>"
                                    : ControlChars.escape(likeliest)));
        }
        return "if the export names it otherwise, say so in --config: " + String.join(", ", lines);
    }

    /** True when the export has a diagnosis column (diagnosis_codes, or diagnosis_1 to _12). */
    public boolean hasDiagnoses() {
        return hasDiagnoses;
    }

    /**
     * What the rules cannot check because the export lacks a column, said once for the file (not as
     * a finding on every line). Empty when every column the rules read is there.
     */
    public List<String> missingForRules() {
        List<String> missing = new ArrayList<>();
        if (!hasDiagnoses()) {
            missing.add(
                    "no diagnosis column (diagnosis_codes or diagnosis_1 ... diagnosis_12, e.g. 'Dx 1'): the"
                            + " diagnosis, laterality and patient-sex checks did not run");
        }
        for (String name : ignored) {
            Column likely = likelyMeant(name);
            if (likely != null && !index.containsKey(likely)) {
                missing.add(
                        "column '" + name + "' is not read: did you mean " + likely.header() + "?");
            }
        }
        return missing;
    }

    /** A known column whose name is within two edits of {@code name} (a misspelling), or null. */
    static Column likelyMeant(String name) {
        String key = Column.matchKey(name);
        if (key.length() < 4) {
            return null;
        }
        Column best = null;
        int bestDistance = 3;
        // the documented names first, so that on a tie "diagnosis_codez" means diagnosis_codes, not
        // an alias
        Map<String, Column> candidates = new LinkedHashMap<>();
        for (Column column : Column.values()) {
            candidates.put(Column.matchKey(column.header()), column);
        }
        new TreeMap<>(BY_KEY).forEach(candidates::putIfAbsent);
        for (Map.Entry<String, Column> known : candidates.entrySet()) {
            if (Math.abs(known.getKey().length() - key.length()) <= 2) {
                int distance = editDistance(key, known.getKey());
                if (distance < bestDistance) {
                    best = known.getValue();
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** True when the column is the header's first (no shifted field can move its cell). */
    public boolean isFirst(Column column) {
        return positions[column.ordinal()] == 0;
    }

    /**
     * The cell of {@code column} in a row, stripped, or "" when the column or the cell is absent.
     */
    public String get(String[] cells, Column column) {
        int at = positions[column.ordinal()];
        return at < 0 || at >= cells.length ? "" : cells[at].strip();
    }

    /**
     * A row's value for a column by any name a rule or a policy table gives it: a known column by
     * its documented name or an alias ("billing_npi", "Auth #"), any other by its header as the
     * export writes it (any case, with '_', '-' and space alike). "" when the export has no such
     * column. Patient identifiers (patient id, birth date) are never given: no rule may quote them.
     */
    public String field(String[] cells, String name) {
        String key = Column.matchKey(name);
        Column column = BY_KEY.get(key);
        if (column != null) {
            return column.identifiesThePatient() ? "" : get(cells, column);
        }
        for (int i = 0; i < Math.min(width, names.length); i++) {
            if (Column.matchKey(names[i]).equals(key)) {
                boolean patient =
                        i == positions[Column.PATIENT_ID.ordinal()]
                                || i == positions[Column.PATIENT_BIRTH_DATE.ordinal()];
                return patient || i >= cells.length ? "" : cells[i].strip();
            }
        }
        return "";
    }

    /** How the header names column {@code index} (0-based), for messages. */
    public String nameAt(int index) {
        String name = index < names.length ? names[index].strip() : "";
        return name.isEmpty() ? "column " + (index + 1) : name;
    }

    /** The number of named columns (a trailing delimiter on the header does not name one). */
    public int width() {
        return width;
    }

    /**
     * How many cells every row of the file has: the header's cells, or one more when the file ends
     * every row with a delimiter the header does not have. A row with any other count may be
     * shifted, and is not read.
     */
    public int cellsPerRow() {
        return cellsPerRow;
    }

    /**
     * The same columns, in a file whose rows all end with a delimiter the header lacks (one empty
     * cell more).
     */
    public ColumnMap withTrailingDelimiterOnRows() {
        return new ColumnMap(index, ignored, width, names, width + 1);
    }

    /**
     * True when the header's last column is {@code held_by}: the file is a held-claims.csv being
     * reworked, and that column, which the scrubber wrote, is dropped when its rows are forwarded
     * again.
     */
    public boolean endsWithHeldBy() {
        return endsWithHeldBy;
    }

    /** The column the held-claims file adds: the rules that held the claim. */
    public static final String HELD_BY = "held_by";

    /** Header cells that name no known column; their values are not read. */
    public List<String> ignored() {
        return ignored;
    }
}
