package org.claimscrubber.engine;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.claimscrubber.domain.CodeFormat;
import org.claimscrubber.domain.Codes;
import org.claimscrubber.domain.ProcedureCodes;
import org.claimscrubber.domain.Severity;

/**
 * A payer policy table ({@code rules/*.policies.csv}): one row is one policy a coder fills in with
 * a spreadsheet, compiled here to one DRL rule, so the engine, {@code rules check}, {@code rules
 * list}, {@code test} and {@code run --baseline} treat it as any rule. Columns:
 *
 * <pre>
 * rule_id, payers, procedure_codes, effective_from, effective_to, condition, value, severity, message, source
 * </pre>
 *
 * {@code payers} and list values separate items with ';' (empty payers: every payer); {@code
 * procedure_codes} takes codes and ranges ("19301-19302"); the condition is one of {@link
 * Condition}. Every cell is checked here, and a problem names the file, row and column, as DRL
 * errors name file, line and column.
 */
final class PolicyTable {

    static final String SUFFIX = ".policies.csv";
    static final List<String> COLUMNS =
            List.of(
                    "rule_id",
                    "payers",
                    "procedure_codes",
                    "effective_from",
                    "effective_to",
                    "condition",
                    "value",
                    "severity",
                    "message",
                    "source");

    /** The conditions a row may state: what a line must not be for the policy to hold. */
    enum Condition {
        MODIFIER_REQUIRED(
                "one of the value's modifiers is on the line",
                "!PolicyChecks.hasModifierIn(modifiers, %s)"),
        MODIFIER_FORBIDDEN(
                "none of the value's modifiers is on the line",
                "PolicyChecks.hasModifierIn(modifiers, %s)"),
        POS_ALLOWED(
                "the place of service is one of the value's",
                "placeOfService != \"\", !PolicyChecks.oneOf(placeOfService, %s)"),
        POS_FORBIDDEN(
                "the place of service is none of the value's",
                "PolicyChecks.oneOf(placeOfService, %s)"),
        DIAGNOSIS_REQUIRED(
                "a diagnosis is in one of the value's codes or categories",
                "!diagnoses.isEmpty(), !PolicyChecks.hasDiagnosisIn(diagnoses, %s)"),
        PRIOR_AUTH_REQUIRED(
                "the line has a prior authorization number (value empty)",
                "priorAuthorization == \"\""),
        FIELD_REQUIRED(
                "the export's column the value names is filled in on the line",
                "field(%s) == \"\""),
        MAX_UNITS_PER_LINE("the line has at most the value's units", "units > %s"),
        MAX_UNITS_PER_DATE(
                "the claim has at most the value's units of the code on a date",
                "isFirstOfItsService(), unitsOnItsDate() > %s"),
        TAXONOMY_CLASSIFICATION_REQUIRED(
                "the rendering taxonomy's NUCC classification is one of the value's",
                "renderingTaxonomy != \"\", taxonomies.classificationOf(renderingTaxonomy) != null,"
                        + " !PolicyChecks.oneOf(taxonomies.classificationOf(renderingTaxonomy), %s)"),
        FREQUENCY_FULL_MONTHS(
                "the patient's last service of the code, sent clean on an earlier night, is the value's full"
                        + " months or more before the month of this one (checked only with run --history)",
                "history.checks(this), history.tooSoonAfter(this, %s) != null");

        final String holdsWhen;
        final String breaks;

        Condition(String holdsWhen, String breaks) {
            this.holdsWhen = holdsWhen;
            this.breaks = breaks;
        }

        String lower() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private PolicyTable() {}

    /**
     * The DRL the table's rows become; a problem in any cell is a {@link RulesException} naming row
     * and column.
     */
    static String toDrl(String name, String content) throws RulesException {
        List<RuleDiagnostic> problems = new ArrayList<>();
        StringBuilder drl = new StringBuilder();
        drl.append("// Generated from ")
                .append(name)
                .append(": one rule per row (see docs/rules.md, \"Payer policy tables\").\n")
                .append("package scrubber.policies;\n\n")
                .append("import org.claimscrubber.domain.ClaimLine;\n")
                .append("import org.claimscrubber.domain.PolicyChecks;\n\n")
                .append("global org.claimscrubber.domain.FindingCollector findings;\n")
                .append("global org.claimscrubber.domain.PayerNames payers;\n")
                .append("global org.claimscrubber.domain.TaxonomyCodes taxonomies;\n")
                .append("global org.claimscrubber.domain.ClaimHistory history;\n");
        List<String[]> rows;
        try (CSVReader csv = new CSVReaderBuilder(new StringReader(content)).build()) {
            rows = csv.readAll();
        } catch (IOException | CsvException e) {
            throw new RulesException(name + ":1:1: cannot be read as CSV: " + e.getMessage());
        }
        if (rows.isEmpty()
                || !Arrays.stream(rows.get(0))
                        .map(h -> h.strip().toLowerCase(Locale.ROOT))
                        .toList()
                        .equals(COLUMNS)) {
            throw new RulesException(
                    List.of(
                            new RuleDiagnostic(
                                    name,
                                    1,
                                    1,
                                    null,
                                    "the header must be " + String.join(",", COLUMNS))));
        }
        for (int r = 1; r < rows.size(); r++) {
            String[] cells = rows.get(r);
            int row = r + 1;
            if (cells.length == 1 && cells[0].isBlank()) {
                continue;
            }
            if (cells.length != COLUMNS.size()) {
                problems.add(
                        new RuleDiagnostic(
                                name,
                                row,
                                1,
                                null,
                                "expected "
                                        + COLUMNS.size()
                                        + " cells ("
                                        + String.join(", ", COLUMNS)
                                        + "), found "
                                        + cells.length));
                continue;
            }
            String[] v = Arrays.stream(cells).map(String::strip).toArray(String[]::new);
            int before = problems.size();
            Row parsed = row(name, row, v, problems);
            if (problems.size() == before) {
                drl.append('\n').append(parsed.drl(name, row));
            }
        }
        if (!problems.isEmpty()) {
            throw new RulesException(problems);
        }
        return drl.toString();
    }

    private record Row(
            String id,
            List<String> payers,
            String codes,
            String from,
            String to,
            Condition condition,
            String value,
            Severity severity,
            String message,
            String source) {

        String drl(String file, int row) {
            StringBuilder text = new StringBuilder();
            text.append("// ")
                    .append(file)
                    .append(" row ")
                    .append(row)
                    .append(": ")
                    .append(condition.lower())
                    .append(" (")
                    .append(condition.holdsWhen)
                    .append(")\n");
            text.append("rule \"")
                    .append(file)
                    .append(" row ")
                    .append(row)
                    .append(": ")
                    .append(id)
                    .append("\"\n")
                    .append("    @id(\"")
                    .append(id)
                    .append("\") @severity(\"")
                    .append(severity)
                    .append("\") @category(\"PAYER_POLICY\")");
            if (!payers.isEmpty()) {
                text.append(" @payers(\"").append(String.join(", ", payers)).append("\")");
            }
            text.append("\n    @description(\"")
                    .append(escape(message))
                    .append("\")\n")
                    .append("    @source(\"")
                    .append(escape(source))
                    .append("\")\n")
                    .append("when\n    $line : ClaimLine(PolicyChecks.codeIn(procedureCode, ")
                    .append(quote(codes))
                    .append("),\n                      PolicyChecks.inEffect(dateOfService, ")
                    .append(quote(from))
                    .append(", ")
                    .append(quote(to))
                    .append("),\n                      ")
                    .append(
                            condition.breaks.replace(
                                    "%s",
                                    condition == Condition.MAX_UNITS_PER_LINE
                                                    || condition == Condition.MAX_UNITS_PER_DATE
                                                    || condition == Condition.FREQUENCY_FULL_MONTHS
                                            ? value
                                            : quote(value)));
            text.append(")\nthen\n    findings.line(kcontext, $line, ")
                    .append(quote(message))
                    .append(
                            " + \": \" + $line.procedureCode() + \" on \" + $line.dateOfService(), ")
                    .append(quote(source))
                    .append(");\nend\n");
            return text.toString();
        }
    }

    private static Row row(String file, int row, String[] v, List<RuleDiagnostic> problems) {
        String id = v[0];
        if (!MetadataReader.ID.matcher(id).matches()) {
            problems.add(
                    at(
                            file,
                            row,
                            0,
                            "rule_id '"
                                    + id
                                    + "' is not of the form PREFIX-NUMBER, e.g. AET-001 or"
                                    + " UHC-POS-001 (capital letters, then a number)"));
        }
        List<String> payers =
                Arrays.stream(v[1].split(";"))
                        .map(String::strip)
                        .filter(p -> !p.isEmpty())
                        .toList();
        for (String payer : payers) {
            if (!payer.matches("[\\w .&'/()-]+")) {
                problems.add(
                        at(
                                file,
                                row,
                                1,
                                "payer '" + payer + "' has characters a payer name does not"));
            }
        }
        if (v[2].isEmpty()) {
            problems.add(
                    at(
                            file,
                            row,
                            2,
                            "procedure_codes is empty: name the codes the policy is about"));
        }
        List<String> codes = new ArrayList<>();
        for (String item : v[2].split(";")) {
            String entry = item.strip();
            if (entry.isEmpty()) {
                continue;
            }
            String[] range = entry.split("-", -1);
            boolean ok = range.length <= 2;
            for (String code : range) {
                ok &=
                        CodeFormat.PROCEDURE.accepts(Codes.procedure(code))
                                && !ProcedureCodes.isOutsideTheCodeSets(Codes.procedure(code));
            }
            if (!ok
                    || range.length == 2
                            && Codes.procedure(range[0]).compareTo(Codes.procedure(range[1])) > 0) {
                problems.add(
                        at(
                                file,
                                row,
                                2,
                                "'"
                                        + entry
                                        + "' is not a procedure code or a range such as 19301-19302"));
            }
            codes.add(
                    range.length == 2
                            ? Codes.procedure(range[0]) + "-" + Codes.procedure(range[1])
                            : Codes.procedure(entry));
        }
        date(file, row, 3, v[3], problems);
        date(file, row, 4, v[4], problems);
        Condition condition = null;
        try {
            condition = Condition.valueOf(v[5].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(
                    at(
                            file,
                            row,
                            5,
                            "condition '"
                                    + v[5]
                                    + "' is not one of "
                                    + Arrays.stream(Condition.values())
                                            .map(Condition::lower)
                                            .toList()));
        }
        String value = v[6];
        if (condition != null) {
            value(file, row, condition, value, problems);
        }
        Severity severity = null;
        try {
            severity = Severity.valueOf(v[7].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(at(file, row, 7, "severity '" + v[7] + "' is not ERROR, WARNING or INFO"));
        }
        for (int column : new int[] {8, 9}) {
            if (v[column].isEmpty()) {
                problems.add(
                        at(
                                file,
                                row,
                                column,
                                COLUMNS.get(column)
                                        + " is empty: a policy says what is wrong and"
                                        + " which document (and its date) it comes from"));
            } else if (v[column].contains("\n") || v[column].contains("\r")) {
                problems.add(
                        at(
                                file,
                                row,
                                column,
                                COLUMNS.get(column) + " holds a line break; write it on one line"));
            }
        }
        return new Row(
                id,
                payers,
                String.join(";", codes),
                v[3],
                v[4],
                condition,
                normalised(condition, value),
                severity,
                v[8],
                v[9]);
    }

    private static void value(
            String file,
            int row,
            Condition condition,
            String value,
            List<RuleDiagnostic> problems) {
        List<String> items =
                Arrays.stream(value.split(";"))
                        .map(String::strip)
                        .filter(i -> !i.isEmpty())
                        .toList();
        switch (condition) {
            case PRIOR_AUTH_REQUIRED -> {
                if (!value.isEmpty()) {
                    problems.add(at(file, row, 6, "prior_auth_required takes no value"));
                }
                return;
            }
            case MAX_UNITS_PER_LINE, MAX_UNITS_PER_DATE -> {
                if (!value.matches("[1-9][0-9]{0,4}")) {
                    problems.add(
                            at(
                                    file,
                                    row,
                                    6,
                                    condition.lower()
                                            + " takes a whole number of units (1 or more), not '"
                                            + value
                                            + "'"));
                }
                return;
            }
            case FREQUENCY_FULL_MONTHS -> {
                if (!value.matches("[0-9]{1,3}")) {
                    problems.add(
                            at(
                                    file,
                                    row,
                                    6,
                                    "frequency_full_months takes a number of full months (0 to 999), not '"
                                            + value
                                            + "'"));
                }
                return;
            }
            default -> {}
        }
        if (items.isEmpty()) {
            problems.add(
                    at(
                            file,
                            row,
                            6,
                            condition.lower()
                                    + " needs a value: the list the line is checked against"));
        }
        for (String item : items) {
            boolean ok =
                    switch (condition) {
                        case MODIFIER_REQUIRED, MODIFIER_FORBIDDEN ->
                                CodeFormat.MODIFIER.accepts(Codes.modifier(item));
                        case POS_ALLOWED, POS_FORBIDDEN ->
                                CodeFormat.PLACE_OF_SERVICE.accepts(Codes.placeOfService(item));
                        case DIAGNOSIS_REQUIRED ->
                                CodeFormat.DIAGNOSIS.accepts(Codes.diagnosis(item));
                        case FIELD_REQUIRED -> items.size() == 1 && item.matches("[\\w #&/.()'-]+");
                        default -> item.matches("[\\w ,&/()'-]+");
                    };
            if (!ok) {
                problems.add(
                        at(
                                file,
                                row,
                                6,
                                "'"
                                        + item
                                        + "' is not a "
                                        + switch (condition) {
                                            case MODIFIER_REQUIRED, MODIFIER_FORBIDDEN ->
                                                    "modifier";
                                            case POS_ALLOWED, POS_FORBIDDEN ->
                                                    "place of service code";
                                            case DIAGNOSIS_REQUIRED -> "ICD-10-CM code or category";
                                            case FIELD_REQUIRED -> "single column name";
                                            default -> "NUCC classification name";
                                        }));
            }
        }
    }

    private static String normalised(Condition condition, String value) {
        if (condition == null) {
            return value;
        }
        List<String> items =
                Arrays.stream(value.split(";"))
                        .map(String::strip)
                        .filter(i -> !i.isEmpty())
                        .toList();
        return switch (condition) {
            case MODIFIER_REQUIRED, MODIFIER_FORBIDDEN ->
                    String.join(";", items.stream().map(Codes::modifier).toList());
            case POS_ALLOWED, POS_FORBIDDEN ->
                    String.join(";", items.stream().map(Codes::placeOfService).toList());
            case DIAGNOSIS_REQUIRED ->
                    String.join(";", items.stream().map(Codes::diagnosis).toList());
            default -> value;
        };
    }

    private static void date(
            String file, int row, int column, String text, List<RuleDiagnostic> problems) {
        if (text.isEmpty()) {
            return;
        }
        try {
            LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(
                    at(
                            file,
                            row,
                            column,
                            COLUMNS.get(column) + " '" + text + "' is not a date (YYYY-MM-DD)"));
        }
    }

    private static RuleDiagnostic at(String file, int row, int column, String message) {
        return new RuleDiagnostic(
                file, row, column + 1, null, COLUMNS.get(column) + ": " + message);
    }

    private static String quote(String text) {
        return "\"" + escape(text) + "\"";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    static Map<String, String> conditions() {
        Map<String, String> all = new LinkedHashMap<>();
        for (Condition condition : Condition.values()) {
            all.put(condition.lower(), condition.holdsWhen);
        }
        return all;
    }
}
