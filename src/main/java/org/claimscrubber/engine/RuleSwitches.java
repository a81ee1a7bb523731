package org.claimscrubber.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.claimscrubber.domain.Category;
import org.claimscrubber.domain.Severity;

/**
 * A run's rule switches, from a small config file ({@code --config FILE}) of {@code key = value} lines:
 * <pre>
 * # rules off for this run, by id and by category
 * disable.rules = MOD-002, REL-001
 * disable.categories = PLACE_OF_SERVICE
 * # payer names in exports that count as a payer named in a rule's @payers(...)
 * payer.Medicare = Medicare Part B, MEDICARE RAILROAD
 * # the least severity that holds a claim (run --hold-on overrides): error (default) or warning
 * hold.on = warning
 * # more names for a column, as an export writes it
 * column.procedure_code = Proc Cd, Svc Code
 * </pre>
 *
 * @param source        the file, as messages name it (null when there is no config file)
 * @param payerAliases  payer scope name (lower case) to the export payer names (lower case) that count as it
 * @param lines         where each switch was written, for messages: "rule:MOD-002" or "category:CODE" to line
 */
public record RuleSwitches(String source, Set<String> disabledRules, Set<Category> disabledCategories,
                           Map<String, Set<String>> payerAliases, Map<String, Integer> lines, Severity holdOn,
                           Map<org.claimscrubber.input.Column, List<String>> columnNames) {

    public static final RuleSwitches NONE = new RuleSwitches(null, Set.of(), Set.of(), Map.of(), Map.of(), null, Map.of());

    public static RuleSwitches load(Path file) throws RulesException {
        List<String> text;
        try {
            text = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RulesException("config file " + file + " cannot be read: " + e.getMessage());
        }
        Set<String> rules = new LinkedHashSet<>();
        Set<Category> categories = new LinkedHashSet<>();
        Map<String, Set<String>> aliases = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        Severity holdOn = null;
        Map<org.claimscrubber.input.Column, List<String>> columnNames = new LinkedHashMap<>();
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i).strip();
            String where = file + ":" + (i + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new RulesException(where + "expected 'key = value'");
            }
            String key = line.substring(0, equals).strip();
            List<String> values = Arrays.stream(line.substring(equals + 1).split(",")).map(String::strip)
                    .filter(v -> !v.isEmpty()).toList();
            if (key.equals("disable.rules")) {
                for (String id : values) {
                    rules.add(id);
                    lines.put("rule:" + id, i + 1);
                }
            } else if (key.equals("disable.categories")) {
                for (String value : values) {
                    try {
                        Category category = Category.valueOf(value.toUpperCase(Locale.ROOT));
                        categories.add(category);
                        lines.put("category:" + category, i + 1);
                    } catch (IllegalArgumentException e) {
                        throw new RulesException(where + "'" + value + "' is not a category; categories are "
                                + Arrays.toString(Category.values()));
                    }
                }
            } else if (key.startsWith("payer.") && key.length() > "payer.".length()) {
                Set<String> names = aliases.computeIfAbsent(key.substring(6).toLowerCase(Locale.ROOT),
                        k -> new LinkedHashSet<>());
                values.forEach(value -> names.add(value.toLowerCase(Locale.ROOT)));
            } else if (key.startsWith("column.")) {
                org.claimscrubber.input.Column column;
                try {
                    column = org.claimscrubber.input.Column.valueOf(key.substring(7).strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new RulesException(where + "'" + key.substring(7) + "' is not a column; columns are "
                            + Arrays.toString(org.claimscrubber.input.Column.values()).toLowerCase(Locale.ROOT));
                }
                columnNames.computeIfAbsent(column, k -> new java.util.ArrayList<>()).addAll(values);
            } else if (key.equals("hold.on")) {
                String value = values.isEmpty() ? "" : values.get(0).toLowerCase(Locale.ROOT);
                if (!value.equals("error") && !value.equals("warning")) {
                    throw new RulesException(where + "hold.on takes error or warning, not '" + value + "'");
                }
                holdOn = value.equals("error") ? Severity.ERROR : Severity.WARNING;
            } else {
                throw new RulesException(where + "unknown key '" + key
                        + "' (known: disable.rules, disable.categories, payer.<name>, hold.on, column.<name>)");
            }
        }
        return new RuleSwitches(file.toString(), rules, categories, aliases, lines, holdOn, columnNames);
    }

    /** Why a rule is off, or null when it is on. */
    public String reasonOff(RuleMetadata rule) {
        if (disabledRules.contains(rule.id())) {
            return source + ":" + lines.get("rule:" + rule.id()) + " disable.rules";
        }
        if (disabledCategories.contains(rule.category())) {
            return source + ":" + lines.get("category:" + rule.category()) + " disable.categories";
        }
        return null;
    }

    /** The payer names and aliases the rules join with ({@code $payers.is(payer, "Medicare")}). */
    public org.claimscrubber.domain.PayerNames payers() {
        return new org.claimscrubber.domain.PayerNames(payerAliases);
    }
}
