package org.claimscrubber.facts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.claimscrubber.domain.Age;
import org.claimscrubber.domain.CodeFormat;
import org.claimscrubber.domain.Codes;
import org.claimscrubber.domain.DiagnosisAges;
import org.claimscrubber.domain.FrequencyLimit;
import org.claimscrubber.domain.ModifierClass;
import org.claimscrubber.domain.ProcedureClass;
import org.claimscrubber.domain.ProcedureIndication;
import org.claimscrubber.domain.Provenance;

/** Reads the curated modifier-classes.csv and procedure-classes.csv. */
public final class CodePolicyTables {

    public static final String MODIFIER_CLASSES = "modifier-classes.csv";
    public static final String PROCEDURE_CLASSES = "procedure-classes.csv";
    public static final String DIAGNOSIS_AGES = "diagnosis-ages.csv";
    public static final String PROCEDURE_INDICATIONS = "procedure-indications.csv";
    public static final String FREQUENCY_LIMITS = "frequency-limits.csv";

    private CodePolicyTables() {}

    public static List<ModifierClass> modifierClasses(String content) throws FactsException {
        List<ModifierClass> classes = new ArrayList<>();
        for (CuratedTable.Row row :
                CuratedTable.read(
                        MODIFIER_CLASSES,
                        content,
                        List.of("modifier", "class", "official_label", "source"))) {
            String modifier = Codes.modifier(row.cell(0));
            if (!CodeFormat.MODIFIER.accepts(modifier)) {
                throw new FactsException(row.where() + ": '" + row.cell(0) + "' is not a modifier");
            }
            ModifierClass.Kind kind;
            try {
                kind = ModifierClass.Kind.valueOf(row.cell(1).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new FactsException(
                        row.where()
                                + ": class '"
                                + row.cell(1)
                                + "' is not one of "
                                + Arrays.toString(ModifierClass.Kind.values()));
            }
            classes.add(
                    new ModifierClass(
                            modifier,
                            kind,
                            row.cell(2),
                            row.cell(3),
                            new Provenance(MODIFIER_CLASSES, row.line(), kind.name())));
        }
        return classes;
    }

    public static List<ProcedureClass> procedureClasses(String content) throws FactsException {
        List<ProcedureClass> classes = new ArrayList<>();
        for (CuratedTable.Row row :
                CuratedTable.read(
                        PROCEDURE_CLASSES,
                        content,
                        List.of(
                                "from_code",
                                "to_code",
                                "service",
                                "pc_tc_indicator",
                                "bilateral_indicator",
                                "source"))) {
            String from = Codes.procedure(row.cell(0));
            String to = Codes.procedure(row.cell(1));
            if (!CodeFormat.PROCEDURE.accepts(from)
                    || !CodeFormat.PROCEDURE.accepts(to)
                    || from.compareTo(to) > 0) {
                throw new FactsException(
                        row.where()
                                + ": '"
                                + row.cell(0)
                                + "' to '"
                                + row.cell(1)
                                + "' is not a range of procedure codes");
            }
            if (!row.cell(3).isEmpty() && !row.cell(3).matches("[0-9]")) {
                throw new FactsException(
                        row.where()
                                + ": pc_tc_indicator '"
                                + row.cell(3)
                                + "' is not a CMS PC/TC indicator (0-9)");
            }
            if (!row.cell(4).isEmpty() && !row.cell(4).matches("[01239]")) {
                throw new FactsException(
                        row.where()
                                + ": bilateral_indicator '"
                                + row.cell(4)
                                + "' is not a CMS bilateral surgery indicator (0, 1, 2, 3 or 9)");
            }
            classes.add(
                    new ProcedureClass(
                            from,
                            to,
                            row.cell(2).toUpperCase(Locale.ROOT),
                            row.cell(3),
                            row.cell(4),
                            row.cell(5),
                            new Provenance(PROCEDURE_CLASSES, row.line(), row.cell(2))));
        }
        return classes;
    }

    public static DiagnosisAges diagnosisAges(String content) throws FactsException {
        List<DiagnosisAges.Range> ranges = new ArrayList<>();
        for (CuratedTable.Row row :
                CuratedTable.read(
                        DIAGNOSIS_AGES,
                        content,
                        List.of(
                                "from_code",
                                "to_code",
                                "min_age",
                                "max_age",
                                "impossible",
                                "edit",
                                "source"))) {
            String from = Codes.diagnosis(row.cell(0));
            String to = Codes.diagnosis(row.cell(1));
            if (!from.matches("[A-Z][0-9A-Z]{2}(\\.[0-9A-Z]{1,4})?")
                    || !to.matches("[A-Z][0-9A-Z]{2}(\\.[0-9A-Z]{1,4})?")
                    || from.compareTo(to) > 0) {
                throw new FactsException(
                        row.where()
                                + ": '"
                                + row.cell(0)
                                + "' to '"
                                + row.cell(1)
                                + "' is not a range of ICD-10-CM codes");
            }
            int min = age(row, 2);
            int max = age(row, 3);
            if (min > max) {
                throw new FactsException(
                        row.where() + ": min_age " + min + " is above max_age " + max);
            }
            if (!row.cell(4).equals("yes") && !row.cell(4).equals("no")) {
                throw new FactsException(
                        row.where() + ": impossible '" + row.cell(4) + "' is not yes or no");
            }
            ranges.add(
                    new DiagnosisAges.Range(
                            from,
                            to,
                            min,
                            max,
                            row.cell(4).equals("yes"),
                            row.cell(5),
                            row.cell(6),
                            new Provenance(DIAGNOSIS_AGES, row.line(), row.cell(5))));
        }
        return new DiagnosisAges(ranges);
    }

    public static List<ProcedureIndication> procedureIndications(String content)
            throws FactsException {
        List<ProcedureIndication> indications = new ArrayList<>();
        for (CuratedTable.Row row :
                CuratedTable.read(
                        PROCEDURE_INDICATIONS,
                        content,
                        List.of("procedure_code", "diagnosis_codes", "condition", "source"))) {
            String code = Codes.procedure(row.cell(0));
            if (!CodeFormat.PROCEDURE.accepts(code)) {
                throw new FactsException(
                        row.where() + ": '" + row.cell(0) + "' is not a procedure code");
            }
            List<String> diagnoses = new ArrayList<>();
            for (String part : row.cell(1).split(";")) {
                String diagnosis = Codes.diagnosis(part);
                if (!CodeFormat.DIAGNOSIS.accepts(diagnosis)) {
                    throw new FactsException(
                            row.where()
                                    + ": '"
                                    + part.strip()
                                    + "' is not an ICD-10-CM code or category");
                }
                diagnoses.add(diagnosis);
            }
            indications.add(
                    new ProcedureIndication(
                            code,
                            diagnoses,
                            row.cell(2),
                            row.cell(3),
                            new Provenance(PROCEDURE_INDICATIONS, row.line(), code)));
        }
        return indications;
    }

    /**
     * frequency-limits.csv: a code paid at most once until {@code full_months} full months have
     * passed after the month of the last of {@code counted_codes} (";"-separated), for a payer
     * scope, with its public source.
     */
    public static List<FrequencyLimit> frequencyLimits(String content) throws FactsException {
        List<FrequencyLimit> limits = new ArrayList<>();
        for (CuratedTable.Row row :
                CuratedTable.read(
                        FREQUENCY_LIMITS,
                        content,
                        List.of(
                                "procedure_code",
                                "counted_codes",
                                "payer",
                                "full_months",
                                "source"))) {
            String code = Codes.procedure(row.cell(0));
            if (!CodeFormat.PROCEDURE.accepts(code)) {
                throw new FactsException(
                        row.where() + ": '" + row.cell(0) + "' is not a procedure code");
            }
            List<String> counted = new ArrayList<>();
            for (String part : row.cell(1).split(";")) {
                String counts = Codes.procedure(part);
                if (!CodeFormat.PROCEDURE.accepts(counts)) {
                    throw new FactsException(
                            row.where() + ": '" + part.strip() + "' is not a procedure code");
                }
                counted.add(counts);
            }
            if (row.cell(2).isBlank()) {
                throw new FactsException(row.where() + ": the payer scope is empty");
            }
            if (!row.cell(3).matches("[0-9]{1,3}")) {
                throw new FactsException(
                        row.where()
                                + ": full_months '"
                                + row.cell(3)
                                + "' is not a number of months");
            }
            if (row.cell(4).isBlank()) {
                throw new FactsException(
                        row.where() + ": a frequency limit needs its public source");
            }
            limits.add(
                    new FrequencyLimit(
                            code,
                            counted,
                            row.cell(2).strip(),
                            Integer.parseInt(row.cell(3)),
                            row.cell(4)));
        }
        return limits;
    }

    private static int age(CuratedTable.Row row, int column) throws FactsException {
        String text = row.cell(column);
        if (!text.matches("[0-9]{1,3}") || Integer.parseInt(text) > Age.OLDEST) {
            throw new FactsException(
                    row.where() + ": '" + text + "' is not an age (0 to " + Age.OLDEST + ")");
        }
        return Integer.parseInt(text);
    }

    public static Map<String, ModifierClass> byModifier(List<ModifierClass> classes) {
        Map<String, ModifierClass> map = new LinkedHashMap<>();
        classes.forEach(entry -> map.put(entry.modifier(), entry));
        return map;
    }
}
