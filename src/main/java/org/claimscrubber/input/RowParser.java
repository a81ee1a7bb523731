package org.claimscrubber.input;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.domain.Age;
import org.claimscrubber.domain.ClaimLine;
import org.claimscrubber.domain.ClaimLines;
import org.claimscrubber.domain.Codes;
import org.claimscrubber.domain.Diagnosis;
import org.claimscrubber.domain.InputProblem;
import org.claimscrubber.domain.Sex;

/**
 * Turns the cells of one data row into a {@link ClaimLine}, or rejects the row. A row is rejected
 * when a required field is missing or unreadable, units are not a whole number, or the field count
 * is wrong; every problem names its field. Values of patient columns are never echoed in messages.
 */
public final class RowParser {

    private static final Column[] MODIFIER_COLUMNS = {
        Column.MODIFIER_1, Column.MODIFIER_2, Column.MODIFIER_3, Column.MODIFIER_4
    };
    private static final Column[] DIAGNOSIS_COLUMNS = {
        Column.DIAGNOSIS_1,
        Column.DIAGNOSIS_2,
        Column.DIAGNOSIS_3,
        Column.DIAGNOSIS_4,
        Column.DIAGNOSIS_5,
        Column.DIAGNOSIS_6,
        Column.DIAGNOSIS_7,
        Column.DIAGNOSIS_8,
        Column.DIAGNOSIS_9,
        Column.DIAGNOSIS_10,
        Column.DIAGNOSIS_11,
        Column.DIAGNOSIS_12
    };

    /**
     * No date of service is earlier: 0000-01-01 and 1899-12-31 are placeholders, not services
     * (issue 21).
     */
    static final int EARLIEST_YEAR = 1900;

    private final ColumnMap columns;
    private final String file;
    private final DateOfService dates = new DateOfService();
    // Exports repeat the same cells (a few thousand distinct diagnosis and modifier lists); parse
    // each once.
    private final BoundedCache<String, List<String>> modifierCells = new BoundedCache<>();
    private final BoundedCache<String, List<Diagnosis>> diagnosisCells = new BoundedCache<>();
    // One shared String per distinct code: the rules hash and compare these on every line, and a
    // shared
    // instance has its hash computed once and its characters already in the CPU cache.
    private final BoundedCache<String, String> procedureCodes = new BoundedCache<>();
    private final BoundedCache<String, String> taxonomies = new BoundedCache<>();
    private final BoundedCache<String, String> placesOfService = new BoundedCache<>();

    private final PatientKeyer.Hasher patientKeys;

    public RowParser(ColumnMap columns, String file) {
        this(columns, file, PatientKeyer.NONE.hasher());
    }

    /**
     * @param patientKeys turns the patient id into the key a claim history keeps (empty without a
     *     history)
     */
    public RowParser(ColumnMap columns, String file, PatientKeyer.Hasher patientKeys) {
        this.patientKeys = patientKeys;
        this.columns = columns;
        this.file = file;
    }

    public String claimId(String[] cells) {
        return columns.get(cells, Column.CLAIM_ID);
    }

    /**
     * @param claim the claim the row belongs to; the caller completes it once all its rows are
     *     parsed
     */
    public ParsedRow parse(String[] cells, long sourceLine, long claimOrder, ClaimLines claim) {
        return parse(cells, sourceLine, claimOrder, claim, true);
    }

    /**
     * @param oddCharacters whether the row's text may hold U+FFFD or NUL (cells are scanned only
     *     then)
     */
    public ParsedRow parse(
            String[] cells,
            long sourceLine,
            long claimOrder,
            ClaimLines claim,
            boolean oddCharacters) {
        if (!fieldCountFits(cells)) {
            // Its cells may be shifted into the wrong columns (a patient value where line_number
            // should be), so
            // none is read or quoted; only a claim id in the first column, which no shift can move,
            // is kept.
            String claimId = columns.isFirst(Column.CLAIM_ID) ? claimId(cells) : "";
            Problems problems = new Problems(claimId, claimOrder, sourceLine);
            problems.lineNumber = plausibleLineNumber(cells);
            problems.reject(null, fieldCountProblem(cells));
            return new ParsedRow(problems.claimId, null, problems.list);
        }
        Problems problems = new Problems(claimId(cells), claimOrder, sourceLine);
        Integer lineNumber = lineNumber(cells, problems);
        problems.lineNumber = lineNumber;
        if (problems.claimId.isEmpty()) {
            problems.reject(Column.CLAIM_ID, "claim_id is empty");
        }
        checkCells(cells, problems, oddCharacters);
        LocalDate date = dateOfService(cells, problems);
        String procedure =
                procedureCodes.get(columns.get(cells, Column.PROCEDURE_CODE), Codes::procedure);
        if (procedure.isEmpty()) {
            problems.reject(Column.PROCEDURE_CODE, "procedure_code is empty");
        }
        int units = units(cells, problems);
        Sex sex = patientSex(cells, problems);
        int age = patientAge(cells, date, problems);
        checkCharge(cells, problems);
        if (problems.rejected) {
            return new ParsedRow(problems.claimId, null, problems.list);
        }
        ClaimLine line =
                new ClaimLine(
                        problems.claimId,
                        claimOrder,
                        lineNumber,
                        new ClaimLine.Service(
                                date,
                                placesOfService.get(
                                        columns.get(cells, Column.PLACE_OF_SERVICE),
                                        Codes::placeOfService),
                                columns.get(cells, Column.PAYER),
                                columns.get(cells, Column.PRIOR_AUTHORIZATION)),
                        new ClaimLine.Coding(
                                procedure,
                                modifiers(cells),
                                units,
                                diagnoses(cells),
                                columns.hasDiagnoses()),
                        new ClaimLine.Provider(
                                taxonomies.get(
                                        columns.get(cells, Column.RENDERING_TAXONOMY),
                                        Codes::taxonomy),
                                columns.get(cells, Column.RENDERING_NPI)),
                        new ClaimLine.Patient(
                                sex, age, patientKeys.key(columns.get(cells, Column.PATIENT_ID))),
                        new ClaimLine.Origin(file, sourceLine, name -> columns.field(cells, name)),
                        claim);
        return new ParsedRow(problems.claimId, line, problems.list);
    }

    /**
     * Cells that would mislead a reader of the reports: bytes that were not UTF-8 (read as U+FFFD),
     * NUL characters, and cells that begin like a spreadsheet formula. Each is a warning naming its
     * column; the value is never quoted.
     */
    private void checkCells(String[] cells, Problems problems, boolean oddCharacters) {
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i];
            if (cell.isEmpty()) {
                continue;
            }
            if (oddCharacters && cell.indexOf('\uFFFD') >= 0) {
                problems.warnField(
                        columns.nameAt(i),
                        "field '"
                                + columns.nameAt(i)
                                + "' holds bytes that are not UTF-8 (is the file Latin-1?); they were read as U+FFFD");
            }
            if (oddCharacters && cell.indexOf('\u0000') >= 0) {
                problems.warnField(
                        columns.nameAt(i),
                        "field '" + columns.nameAt(i) + "' holds a NUL character");
            }
            if (SpreadsheetFormula.looksLike(cell)) {
                problems.warnField(
                        columns.nameAt(i),
                        "field '"
                                + columns.nameAt(i)
                                + "' begins like a spreadsheet formula; the reports show it neutralised with a leading '");
            }
        }
    }

    /**
     * A row has the header's named columns, or the file's cell count with empty cells after them: a
     * trailing delimiter is tolerated only in a file whose header or first row has it. In any other
     * file a row with one more cell, even an empty one, may be shifted by an unquoted comma, and is
     * not read (issue 21: its payer was read as a diagnosis and an MUE ERROR was missed).
     */
    private boolean fieldCountFits(String[] cells) {
        if (cells.length == columns.width()) {
            return true; // exactly the named columns: nothing can have shifted
        }
        if (cells.length != columns.cellsPerRow()) {
            return false;
        }
        for (int i = columns.width(); i < cells.length; i++) {
            if (!cells[i].isBlank()) {
                return false;
            }
        }
        return true;
    }

    private String fieldCountProblem(String[] cells) {
        if (columns.cellsPerRow() == columns.width()) {
            return "the row has " + cells.length + " fields but the header has " + columns.width();
        }
        return "the row has "
                + cells.length
                + " fields but the file's rows have "
                + columns.cellsPerRow()
                + " (the header's "
                + columns.width()
                + " and a trailing delimiter)";
    }

    private Integer lineNumber(String[] cells, Problems problems) {
        String text = columns.get(cells, Column.LINE_NUMBER);
        if (text.isEmpty()) {
            problems.reject(Column.LINE_NUMBER, "line_number is empty");
            return null;
        }
        Long value = wholeNumber(text);
        if (value == null || value < 1 || value > Integer.MAX_VALUE) {
            problems.reject(
                    Column.LINE_NUMBER,
                    "line_number '" + abbreviate(text) + "' is not a positive whole number");
            return null;
        }
        return value.intValue();
    }

    /**
     * For a row whose cells may be shifted: its line_number cell if it reads as a claim line number
     * (1 to 999, the most an 837 claim has), so the finding lands on its line; otherwise none.
     * Never quoted.
     */
    private Integer plausibleLineNumber(String[] cells) {
        Long value = wholeNumber(columns.get(cells, Column.LINE_NUMBER));
        return value != null && value >= 1 && value <= 999 ? value.intValue() : null;
    }

    private LocalDate dateOfService(String[] cells, Problems problems) {
        String text = columns.get(cells, Column.DATE_OF_SERVICE);
        if (text.isEmpty()) {
            problems.reject(Column.DATE_OF_SERVICE, "date_of_service is empty");
            return null;
        }
        LocalDate date = dates.parse(text);
        if (date != null && date.getYear() < EARLIEST_YEAR) {
            problems.reject(
                    Column.DATE_OF_SERVICE,
                    "date_of_service '"
                            + abbreviate(text)
                            + "' is before "
                            + EARLIEST_YEAR
                            + ", so it is not a date of service (a placeholder or a typing error?)");
            return null;
        }
        if (date == null) {
            problems.reject(
                    Column.DATE_OF_SERVICE,
                    DateOfService.hasTwoDigitYear(text)
                            ? "date_of_service '"
                                    + abbreviate(text)
                                    + "' has a two-digit year; export dates with four-digit"
                                    + " years (2026-11-02 or 11/02/2026)"
                            : "date_of_service '"
                                    + abbreviate(text)
                                    + "' is not a valid date (expected 2026-11-02 or 11/02/2026)");
        }
        return date;
    }

    private int units(String[] cells, Problems problems) {
        String text = columns.get(cells, Column.UNITS);
        if (text.isEmpty()) {
            return 1;
        }
        Long value = wholeNumber(text);
        if (value == null) {
            problems.reject(Column.UNITS, "units '" + abbreviate(text) + "' is not a whole number");
            return 0;
        }
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            problems.reject(
                    Column.UNITS,
                    "units '" + abbreviate(text) + "' is too large to be a unit count");
            return 0;
        }
        return value.intValue();
    }

    /**
     * A charge that is not a plain amount is said, and left out of the totals, not read as another
     * amount.
     */
    private void checkCharge(String[] cells, Problems problems) {
        String text = columns.get(cells, Column.CHARGE);
        if (!text.isEmpty() && Charge.cents(text) == Charge.NOT_A_CHARGE) {
            problems.warn(
                    Column.CHARGE,
                    "charge is not a plain amount (digits with at most two decimals, optionally"
                            + " $ and thousands commas, such as 4210.00 or $4,210.00); it is left out of the charges held");
        }
    }

    private Sex patientSex(String[] cells, Problems problems) {
        return Sex.parse(columns.get(cells, Column.PATIENT_SEX))
                .orElseGet(
                        () -> {
                            problems.warn(
                                    Column.PATIENT_SEX,
                                    "patient_sex is not F, M or U; the line was scrubbed without it");
                            return Sex.UNKNOWN;
                        });
    }

    /**
     * The age on the date of service; the birth date goes no further than this method. An
     * unreadable one is a warning that never quotes it, and the line is scrubbed without the age
     * edits.
     */
    private int patientAge(String[] cells, LocalDate dateOfService, Problems problems) {
        String text = columns.get(cells, Column.PATIENT_BIRTH_DATE);
        if (text.isEmpty()) {
            return Age.UNKNOWN;
        }
        LocalDate birth = dates.parse(text);
        if (birth == null) {
            problems.warn(
                    Column.PATIENT_BIRTH_DATE,
                    "patient_birth_date is not a date (expected 1961-04-30 or"
                            + " 04/30/1961); the line was scrubbed without the patient's age");
            return Age.UNKNOWN;
        }
        return Age.on(dateOfService, birth);
    }

    private List<String> modifiers(String[] cells) {
        List<String> modifiers =
                modifierCells.get(
                        columns.get(cells, Column.MODIFIERS),
                        cell -> {
                            List<String> codes = new ArrayList<>(2);
                            splitInto(cell, codes, false);
                            return List.copyOf(codes);
                        });
        for (Column column : MODIFIER_COLUMNS) {
            modifiers =
                    concat(
                            modifiers,
                            modifierCells.get(
                                    columns.get(cells, column),
                                    cell -> {
                                        List<String> codes = new ArrayList<>(1);
                                        splitInto(cell, codes, false);
                                        return List.copyOf(codes);
                                    }));
        }
        return modifiers;
    }

    private List<Diagnosis> diagnoses(String[] cells) {
        List<Diagnosis> diagnoses =
                diagnosisCells.get(
                        columns.get(cells, Column.DIAGNOSIS_CODES), this::parseDiagnoses);
        for (Column column : DIAGNOSIS_COLUMNS) {
            diagnoses =
                    concat(
                            diagnoses,
                            diagnosisCells.get(columns.get(cells, column), this::parseDiagnoses));
        }
        return diagnoses;
    }

    private List<Diagnosis> parseDiagnoses(String cell) {
        List<String> codes = new ArrayList<>(2);
        splitInto(cell, codes, true);
        List<Diagnosis> diagnoses = new ArrayList<>(codes.size());
        for (String code : codes) {
            diagnoses.add(Diagnosis.of(code));
        }
        return List.copyOf(diagnoses);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        if (second.isEmpty()) {
            return first;
        }
        if (first.isEmpty()) {
            return second;
        }
        List<T> both = new ArrayList<>(first.size() + second.size());
        both.addAll(first);
        both.addAll(second);
        return both;
    }

    /** Splits a list cell on ';', ':', '|', ',' or white space, normalising each code. */
    private static void splitInto(String cell, List<String> into, boolean diagnosis) {
        int start = -1;
        for (int i = 0; i <= cell.length(); i++) {
            boolean separator = i == cell.length() || isListSeparator(cell.charAt(i));
            if (separator && start >= 0) {
                String code = cell.substring(start, i);
                into.add(diagnosis ? Codes.diagnosis(code) : Codes.modifier(code));
                start = -1;
            } else if (!separator && start < 0) {
                start = i;
            }
        }
    }

    private static boolean isListSeparator(char c) {
        return c == ';' || c == ':' || c == '|' || c == ',' || Character.isWhitespace(c);
    }

    /**
     * A whole number, allowing a sign and a zero fraction ("2.0", as spreadsheets write it); else
     * null.
     */
    private static Long wholeNumber(String text) {
        String digits = text;
        int dot = text.indexOf('.');
        if (dot >= 0) {
            for (int i = dot + 1; i < text.length(); i++) {
                if (text.charAt(i) != '0') {
                    return null;
                }
            }
            digits = text.substring(0, dot);
        }
        if (digits.isEmpty() || digits.equals("-") || digits.equals("+") || digits.length() > 19) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (!(Character.isDigit(c) && c < 128) && !(i == 0 && (c == '-' || c == '+'))) {
                return null;
            }
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** The problems of one row, each naming its field. */
    private final class Problems {
        final String claimId;
        final long claimOrder;
        final long sourceLine;
        final List<InputProblem> list = new ArrayList<>(0);
        Integer lineNumber;
        boolean rejected;

        Problems(String claimId, long claimOrder, long sourceLine) {
            this.claimId = claimId;
            this.claimOrder = claimOrder;
            this.sourceLine = sourceLine;
        }

        void reject(Column field, String message) {
            rejected = true;
            add(field, message, true);
        }

        void warn(Column field, String message) {
            add(field, message, false);
        }

        void warnField(String field, String message) {
            list.add(
                    InputProblem.fieldWarning(
                            claimId, claimOrder, lineNumber, field, message, file, sourceLine));
        }

        private void add(Column field, String message, boolean rejecting) {
            String header = field == null ? null : field.header();
            if (rejecting && field == null) {
                list.add(
                        InputProblem.unreadableRow(
                                claimId, claimOrder, lineNumber, message, file, sourceLine));
            } else if (rejecting) {
                list.add(
                        InputProblem.unreadableField(
                                claimId,
                                claimOrder,
                                lineNumber,
                                header,
                                message,
                                file,
                                sourceLine));
            } else {
                list.add(
                        InputProblem.fieldWarning(
                                claimId,
                                claimOrder,
                                lineNumber,
                                header,
                                message,
                                file,
                                sourceLine));
            }
        }
    }
}
