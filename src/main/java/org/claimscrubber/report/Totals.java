package org.claimscrubber.report;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.claimscrubber.domain.Category;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.domain.Severity;

/**
 * Finding counts by severity and category (every severity and category present, zero or not), and
 * apart from them the findings a suppression accepted, by rule: those hold nothing and fail no run.
 */
public final class Totals implements Serializable {

    private static final long serialVersionUID = 1L;

    private final EnumMap<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
    private final EnumMap<Category, Long> byCategory = new EnumMap<>(Category.class);
    private long total;
    private final TreeMap<String, Long> suppressed = new TreeMap<>();

    public Totals() {
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity, 0L);
        }
        for (Category category : Category.values()) {
            byCategory.put(category, 0L);
        }
    }

    public void add(Finding finding) {
        if (finding.isSuppressed()) {
            suppressed.merge(finding.ruleId(), 1L, Long::sum);
            return;
        }
        total++;
        bySeverity.merge(finding.severity(), 1L, Long::sum);
        byCategory.merge(finding.category(), 1L, Long::sum);
    }

    /** Adds another's counts to these. */
    public void merge(Totals other) {
        total += other.total;
        other.bySeverity.forEach((severity, count) -> bySeverity.merge(severity, count, Long::sum));
        other.byCategory.forEach((category, count) -> byCategory.merge(category, count, Long::sum));
        other.suppressed.forEach((rule, count) -> suppressed.merge(rule, count, Long::sum));
    }

    /** The findings suppressions accepted, by rule id. */
    public Map<String, Long> suppressed() {
        return suppressed;
    }

    public long total() {
        return total;
    }

    public Map<Severity, Long> bySeverity() {
        return bySeverity;
    }

    public Map<Category, Long> byCategory() {
        return byCategory;
    }

    public boolean any(Severity atLeast) {
        return bySeverity.entrySet().stream()
                .anyMatch(e -> e.getKey().atLeast(atLeast) && e.getValue() > 0);
    }
}
