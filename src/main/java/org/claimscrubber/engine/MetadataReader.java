package org.claimscrubber.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.claimscrubber.domain.Category;
import org.claimscrubber.domain.Severity;

/**
 * Checks every rule's metadata and turns it into {@link RuleMetadata}: a unique {@code @id} such as
 * {@code MOD-001}, a {@code @severity} and {@code @category} from the fixed lists, a
 * {@code @description}, and optionally {@code @payers("Medicare, Aetna")} and {@code @source("the
 * public rule it encodes")}. Rule names must be unique across all files.
 */
final class MetadataReader {

    /** MOD-001, or with a family in front: NCCI-PTP-001. */
    static final Pattern ID = Pattern.compile("[A-Z][A-Z_]*(-[A-Z][A-Z_]*)?-\\d+");

    private final List<RuleDiagnostic> problems;
    private final Map<String, RuleDeclaration> byId = new HashMap<>();
    private final Map<String, RuleDeclaration> byName = new HashMap<>();

    MetadataReader(List<RuleDiagnostic> problems) {
        this.problems = problems;
    }

    List<RuleMetadata> read(List<RuleDeclaration> declarations) {
        List<RuleMetadata> rules = new ArrayList<>();
        for (RuleDeclaration rule : declarations) {
            RuleDeclaration sameName = byName.putIfAbsent(rule.name(), rule);
            if (sameName != null) {
                report(
                        rule,
                        rule.line(),
                        rule.column(),
                        "duplicate rule name; also declared at "
                                + sameName.file()
                                + ":"
                                + sameName.line());
            }
            RuleMetadata metadata = metadataOf(rule);
            if (metadata != null) {
                rules.add(metadata);
            }
        }
        return rules;
    }

    private RuleMetadata metadataOf(RuleDeclaration rule) {
        String id = required(rule, "id");
        String severity = required(rule, "severity");
        String category = required(rule, "category");
        String description = required(rule, "description");
        if (id == null || severity == null || category == null || description == null) {
            return null;
        }
        boolean valid = true;
        if (!ID.matcher(id).matches()) {
            valid =
                    invalid(
                            rule,
                            "id",
                            "@id \""
                                    + id
                                    + "\" is not of the form PREFIX-NUMBER, e.g. MOD-001 or NCCI-PTP-001");
        } else {
            RuleDeclaration sameId = byId.putIfAbsent(id, rule);
            if (sameId != null) {
                valid =
                        invalid(
                                rule,
                                "id",
                                "duplicate rule id "
                                        + id
                                        + "; also used by rule \""
                                        + sameId.name()
                                        + "\" at "
                                        + sameId.file()
                                        + ":"
                                        + sameId.line());
            }
        }
        Severity parsedSeverity = parse(Severity.class, severity);
        if (parsedSeverity == null) {
            valid =
                    invalid(
                            rule,
                            "severity",
                            "@severity \""
                                    + severity
                                    + "\" is not one of "
                                    + Arrays.toString(Severity.values()));
        }
        Category parsedCategory = parse(Category.class, category);
        if (parsedCategory == null) {
            valid =
                    invalid(
                            rule,
                            "category",
                            "@category \""
                                    + category
                                    + "\" is not one of "
                                    + Arrays.toString(Category.values()));
        }
        if (!valid) {
            return null;
        }
        RuleDeclaration.Annotation source = rule.annotations().get("source");
        return new RuleMetadata(
                rule.name(),
                id,
                parsedSeverity,
                parsedCategory,
                description,
                payers(rule),
                source == null ? "" : source.value().strip(),
                rule.file(),
                rule.line());
    }

    private String required(RuleDeclaration rule, String name) {
        RuleDeclaration.Annotation annotation = rule.annotations().get(name);
        if (annotation == null || annotation.value().isBlank()) {
            report(
                    rule,
                    rule.line(),
                    rule.column(),
                    "missing metadata @"
                            + name
                            + "(...)"
                            + " (every rule needs @id, @severity, @category and @description)");
            return null;
        }
        return annotation.value().strip();
    }

    private static List<String> payers(RuleDeclaration rule) {
        RuleDeclaration.Annotation annotation = rule.annotations().get("payers");
        if (annotation == null) {
            return List.of();
        }
        return Arrays.stream(annotation.value().split(","))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    private boolean invalid(RuleDeclaration rule, String annotationName, String message) {
        RuleDeclaration.Annotation annotation = rule.annotations().get(annotationName);
        report(rule, annotation.line(), annotation.column(), message);
        return false;
    }

    private void report(RuleDeclaration rule, int line, int column, String message) {
        problems.add(new RuleDiagnostic(rule.file(), line, column, rule.name(), message));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
