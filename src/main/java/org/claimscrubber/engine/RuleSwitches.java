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
 * # a rule's severity for this run, for every payer or for one (a payer name or scope, as in payer.<name>)
 * severity.POS-001 = ERROR
 * severity.NCCI-PTP-002.Aetna = ERROR
 * # findings accepted with a reason, by rule and narrowed by payer, provider, code or claim (see {@link Suppressions})
 * suppressions = suppressions.csv
 * </pre>
 *
 * @param source        the file, as messages name it (null when there is no config file)
 * @param payerAliases  payer scope name (lower case) to the export payer names (lower case) that count as it
 * @param lines         where each switch was written, for messages: "rule:MOD-002" or "category:CODE" to line
 */
public record RuleSwitches(String source, Set<String> disabledRules, Set<Category> disabledCategories,
                           Map<String, Set<String>> payerAliases, Map<String, Integer> lines, Severity holdOn,
                           Map<org.claimscrubber.input.Column, List<String>> columnNames,
                           List<SeverityOverride> severities, List<org.claimscrubber.domain.Suppression> suppressions) {

    public static final RuleSwitches NONE = new RuleSwitches(null, Set.of(), Set.of(), Map.of(), Map.of(), null, Map.of(),
            List.of(), List.of());

    /**
     * {@code severity.RULE-ID = ERROR} (payer null: every line) or {@code severity.RULE-ID.Aetna = ERROR} (lines whose
     * payer is, or counts as, Aetna), written at {@code line} of the config.
     */
    public record SeverityOverride(String ruleId, String payer, Severity severity, int line) {
    }

    /** The rule a config may not switch off: a row that was not read was not scrubbed (issue 21). */
    public static final String UNREAD_ROW_RULE = "INPUT-001";

    public static RuleSwitches load(Path file) throws RulesException {
        List<String> text = readLines(file);
        Map<String, Integer> keysSeen = new LinkedHashMap<>();
        Set<String> rules = new LinkedHashSet<>();
        Set<Category> categories = new LinkedHashSet<>();
        Map<String, Set<String>> aliases = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        Severity holdOn = null;
        Map<org.claimscrubber.input.Column, List<String>> columnNames = new LinkedHashMap<>();
        List<SeverityOverride> severities = new java.util.ArrayList<>();
        List<org.claimscrubber.domain.Suppression> suppressions = List.of();
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i).strip();
            String where = file + ":" + (i + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new ConfigException(where + "expected 'key = value'");
            }
            String key = line.substring(0, equals).strip();
            Integer earlier = keysSeen.putIfAbsent(key.toLowerCase(Locale.ROOT), i + 1);
            if (earlier != null) {
                throw new ConfigException(where + "'" + key + "' is given twice (lines " + earlier + " and " + (i + 1)
                        + "); write it once, with every value on one line separated by commas");
            }
            List<String> values = Arrays.stream(line.substring(equals + 1).split(",")).map(String::strip)
                    .filter(v -> !v.isEmpty()).toList();
            if (key.equals("disable.rules")) {
                for (String id : values) {
                    if (id.equalsIgnoreCase(UNREAD_ROW_RULE)) {
                        throw new ConfigException(where + UNREAD_ROW_RULE + " cannot be switched off: a row it reports"
                                + " was not read, so it was not scrubbed, and is held whatever the config says");
                    }
                    rules.add(id);
                    lines.put("rule:" + id, i + 1);
                }
            } else if (key.equals("disable.categories")) {
                for (String value : values) {
                    try {
                        Category category = Category.valueOf(value.toUpperCase(Locale.ROOT));
                        if (category == Category.INPUT) {
                            throw new ConfigException(where + "the INPUT category cannot be switched off: "
                                    + UNREAD_ROW_RULE + " reports rows that were not read, so not scrubbed, and they are"
                                    + " held whatever the config says (INPUT-002 and INPUT-003 can be switched off by id"
                                    + " in disable.rules)");
                        }
                        categories.add(category);
                        lines.put("category:" + category, i + 1);
                    } catch (IllegalArgumentException e) {
                        throw new ConfigException(where + "'" + value + "' is not a category; categories are "
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
                    throw new ConfigException(where + "'" + key.substring(7) + "' is not a column; columns are "
                            + Arrays.toString(org.claimscrubber.input.Column.values()).toLowerCase(Locale.ROOT));
                }
                columnNames.computeIfAbsent(column, k -> new java.util.ArrayList<>()).addAll(values);
            } else if (key.startsWith("severity.") && key.length() > "severity.".length()) {
                String target = key.substring("severity.".length()).strip();
                int dot = target.indexOf('.');
                String id = dot < 0 ? target : target.substring(0, dot).strip();
                String payer = dot < 0 ? null : target.substring(dot + 1).strip();
                Severity severity;
                try {
                    severity = values.size() == 1 ? Severity.valueOf(values.get(0).toUpperCase(Locale.ROOT)) : null;
                } catch (IllegalArgumentException e) {
                    severity = null;
                }
                if (severity == null) {
                    throw new ConfigException(where + key + " takes one of ERROR, WARNING, INFO, not '"
                            + String.join(", ", values) + "'");
                }
                if (id.equalsIgnoreCase(UNREAD_ROW_RULE) && severity != Severity.ERROR) {
                    throw new ConfigException(where + UNREAD_ROW_RULE + " stays an ERROR: a row it reports was not read,"
                            + " so it was not scrubbed");
                }
                if (payer != null && payer.isEmpty()) {
                    throw new ConfigException(where + "'" + key + "' names no payer after the rule id");
                }
                severities.add(new SeverityOverride(id, payer, severity, i + 1));
            } else if (key.equals("suppressions")) {
                if (values.size() != 1) {
                    throw new ConfigException(where + "suppressions takes one file (a path beside the config, or absolute)");
                }
                Path parent = file.toAbsolutePath().getParent();
                suppressions = Suppressions.load(parent == null ? Path.of(values.get(0)) : parent.resolve(values.get(0)));
            } else if (key.equals("hold.on")) {
                String value = values.isEmpty() ? "" : values.get(0).toLowerCase(Locale.ROOT);
                if (!value.equals("error") && !value.equals("warning")) {
                    throw new ConfigException(where + "hold.on takes error or warning, not '" + value + "'");
                }
                holdOn = value.equals("error") ? Severity.ERROR : Severity.WARNING;
            } else {
                throw new ConfigException(where + "unknown key '" + key
                        + "' (known: disable.rules, disable.categories, payer.<name>, hold.on, column.<name>,"
                        + " severity.<rule id>, severity.<rule id>.<payer>, suppressions)");
            }
        }
        return new RuleSwitches(file.toString(), rules, categories, aliases, lines, holdOn, columnNames, severities,
                suppressions);
    }

    /**
     * The file's lines, decoded as UTF-8; a byte that is not UTF-8 is named by its line, not by the decoder's
     * "Input length = 1".
     */
    private static List<String> readLines(Path file) throws ConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException("config file " + file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " cannot be read: " + e.getClass().getSimpleName());
        }
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new ConfigException(file + ":" + line + ": the config file is not UTF-8 (byte 0x"
                    + String.format("%02X", bytes[at] & 0xFF) + " on this line); save it as UTF-8");
        }
        out.flip();
        String text = out.toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.lines().toList();
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

    /** The run-wide severity the config gives the rule (no payer named), or null. */
    public Severity severityOf(String ruleId) {
        for (SeverityOverride override : severities) {
            if (override.ruleId().equals(ruleId) && override.payer() == null) {
                return override.severity();
            }
        }
        return null;
    }

    /** The payer names and aliases the rules join with ({@code $payers.is(payer, "Medicare")}). */
    public org.claimscrubber.domain.PayerNames payers() {
        return new org.claimscrubber.domain.PayerNames(payerAliases);
    }
}
