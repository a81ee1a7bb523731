package org.claimscrubber.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.domain.Severity;

/**
 * What a billing manager reads in report.html, gathered as outcomes stream by, in bounded memory:
 * counts by rule, severity, category, payer, rendering taxonomy and procedure; claims held and
 * their charges; the claims to work first; and the first findings, up to a cap (findings.csv stays
 * the complete record).
 */
public final class RunDigest {

    /** Findings shown in the report's table; the CSV has them all. */
    public static final int TABLE_CAP = 2_000;

    /** Claims listed to work first. */
    public static final int TOP_CLAIMS = 25;

    /**
     * A claim in the work-first list: held claims and claims with warnings, the worst severity,
     * then the most dollars, first. {@code rules} are the rules that hold it, or for a claim with
     * warnings only, those that warn.
     */
    public record HeldClaim(
            String claimId,
            Severity worst,
            int findings,
            long chargeCents,
            String payer,
            String rules,
            String provider,
            String dateOfService,
            boolean held) {}

    private final Map<String, Long> byRule = new TreeMap<>();
    private final Map<String, Long> bySeverity = new TreeMap<>();
    private final Map<String, Long> byCategory = new TreeMap<>();
    private final Map<String, Long> byPayer = new TreeMap<>();
    private final Map<String, Long> byTaxonomy = new TreeMap<>();
    private final Map<String, Long> byProcedure = new TreeMap<>();
    private final List<Finding> table = new ArrayList<>();

    /**
     * The profiles of the claims whose findings the table shows, for its date-of-service and
     * provider columns.
     */
    private final Map<String, ClaimOutcome.Profile> tableClaims = new HashMap<>();

    private final Comparator<HeldClaim> priority =
            Comparator.comparing(HeldClaim::held)
                    .thenComparing(
                            Comparator.comparing((HeldClaim c) -> c.worst().ordinal()).reversed())
                    .thenComparingLong(HeldClaim::chargeCents)
                    .thenComparing(HeldClaim::claimId, Comparator.reverseOrder());
    private final PriorityQueue<HeldClaim> top = new PriorityQueue<>(priority);
    private long heldClaims;
    private long heldCents;
    private long totalFindings;

    /** One claim's findings and profile; {@code held} by the run's hold policy. */
    public void add(
            List<Finding> findings,
            boolean held,
            String claimId,
            ClaimOutcome.Profile profile,
            String heldBy) {
        String payer = profile.payer();
        String taxonomy = profile.taxonomy();
        long chargeCents = profile.chargeCents();
        if (table.size() < TABLE_CAP && !findings.isEmpty()) {
            tableClaims.put(claimId, profile);
        }
        Severity worst = null;
        for (Finding finding : findings) {
            if (finding.isSuppressed()) {
                // shown in the table with its reason, counted apart (run.json, the summary), never
                // in the charts
                if (table.size() < TABLE_CAP) {
                    table.add(finding);
                }
                continue;
            }
            totalFindings++;
            byRule.merge(finding.ruleId(), 1L, Long::sum);
            bySeverity.merge(finding.severity().name(), 1L, Long::sum);
            byCategory.merge(finding.category().name(), 1L, Long::sum);
            byPayer.merge(payer.isBlank() ? "(no payer)" : payer, 1L, Long::sum);
            byTaxonomy.merge(taxonomy.isBlank() ? "(none)" : taxonomy, 1L, Long::sum);
            byProcedure.merge(
                    finding.procedureCode().isBlank() ? "(row not read)" : finding.procedureCode(),
                    1L,
                    Long::sum);
            if (table.size() < TABLE_CAP) {
                table.add(finding);
            }
            if (worst == null || finding.severity().atLeast(worst)) {
                worst = finding.severity();
            }
        }
        if (held && !claimId.isEmpty()) {
            heldClaims++;
            heldCents += chargeCents;
        }
        // The morning's worklist: every held claim, and the claims with warnings a billing manager
        // looks at next.
        if (!claimId.isEmpty() && (held || worst == Severity.WARNING)) {
            String rules =
                    held
                            ? heldBy
                            : findings.stream()
                                    .filter(
                                            f ->
                                                    !f.isSuppressed()
                                                            && f.severity() == Severity.WARNING)
                                    .map(Finding::ruleId)
                                    .distinct()
                                    .sorted()
                                    .collect(Collectors.joining(";"));
            top.add(
                    new HeldClaim(
                            claimId,
                            worst == null ? Severity.ERROR : worst,
                            findings.size(),
                            chargeCents,
                            payer,
                            rules,
                            profile.provider(),
                            profile.dateOfService(),
                            held));
            if (top.size() > TOP_CLAIMS) {
                top.poll();
            }
        }
    }

    public Map<String, Long> byRule() {
        return byRule;
    }

    public Map<String, Long> bySeverity() {
        return bySeverity;
    }

    public Map<String, Long> byCategory() {
        return byCategory;
    }

    public Map<String, Long> byPayer() {
        return byPayer;
    }

    public Map<String, Long> byTaxonomy() {
        return byTaxonomy;
    }

    public Map<String, Long> byProcedure() {
        return byProcedure;
    }

    public List<Finding> table() {
        return table;
    }

    /** The profile of a claim the table shows findings of, or {@link ClaimOutcome.Profile#NONE}. */
    public ClaimOutcome.Profile tableClaim(String claimId) {
        return tableClaims.getOrDefault(claimId, ClaimOutcome.Profile.NONE);
    }

    public long totalFindings() {
        return totalFindings;
    }

    public long heldClaims() {
        return heldClaims;
    }

    public long heldCents() {
        return heldCents;
    }

    /** The claims to work first, most urgent first. */
    public List<HeldClaim> workFirst() {
        List<HeldClaim> list = new ArrayList<>(top);
        list.sort(priority.reversed());
        return list;
    }
}
