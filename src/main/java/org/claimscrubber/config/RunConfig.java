package org.claimscrubber.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimscrubber.domain.Category;
import org.claimscrubber.domain.PayerNames;
import org.claimscrubber.domain.Severity;
import org.claimscrubber.domain.Suppression;
import org.claimscrubber.input.Column;

/**
 * The whole {@code --config} file of a run (read by {@link RunConfigParser}), from a small file
 * ({@code --config FILE}) of {@code key = value} lines:
 *
 * <pre>
 * # rules off for this run, by id and by category
 * disable.rules = MOD-003, REL-001
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
 * @param source the file, as messages name it (null when there is no config file)
 * @param payerAliases payer scope name (lower case) to the export payer names (lower case) that
 *     count as it
 * @param lines where each switch was written, for messages: "rule:MOD-003" or "category:CODE" to
 *     line
 */
public record RunConfig(
        String source,
        Set<String> disabledRules,
        Set<Category> disabledCategories,
        Map<String, Set<String>> payerAliases,
        Map<String, Integer> lines,
        Severity holdOn,
        Map<Column, List<String>> columnNames,
        List<SeverityOverride> severities,
        List<Suppression> suppressions) {

    public static final RunConfig NONE =
            new RunConfig(
                    null, Set.of(), Set.of(), Map.of(), Map.of(), null, Map.of(), List.of(),
                    List.of());

    /**
     * {@code severity.RULE-ID = ERROR} (payer null: every line) or {@code severity.RULE-ID.Aetna =
     * ERROR} (lines whose payer is, or counts as, Aetna), written at {@code line} of the config.
     */
    public record SeverityOverride(String ruleId, String payer, Severity severity, int line) {}

    /**
     * The rule a config may not switch off: a row that was not read was not scrubbed (issue 21).
     */
    public static final String UNREAD_ROW_RULE = "INPUT-001";

    /** Why a rule is off, or null when it is on. */
    public String reasonOff(String ruleId, Category category) {
        if (disabledRules.contains(ruleId)) {
            return source + ":" + lines.get("rule:" + ruleId) + " disable.rules";
        }
        if (disabledCategories.contains(category)) {
            return source + ":" + lines.get("category:" + category) + " disable.categories";
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

    /**
     * The payer names and aliases a rule's @payers scope is matched with (and the rules' {@code
     * payers} global).
     */
    public PayerNames payers() {
        return new PayerNames(payerAliases);
    }
}
