package org.claimscrubber.engine;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.claimscrubber.config.RunConfig;
import org.claimscrubber.domain.ClaimLine;
import org.claimscrubber.domain.PayerNames;
import org.claimscrubber.domain.Severity;
import org.claimscrubber.domain.Suppression;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;

/**
 * A compiled rule set: the KieBase, built once and shared by every session, and the rule catalogue.
 */
public final class CompiledRules {

    private final RuleSet source;
    private final KieBase kieBase;
    private final List<RuleMetadata> catalogue;
    private final Map<String, RuleMetadata> byName;
    private final RunConfig config;
    private final boolean fromCache;
    private final PayerNames payers;
    private final boolean sequential;
    private KieBase statefulCopy;

    CompiledRules(
            RuleSet source,
            KieBase kieBase,
            List<RuleMetadata> catalogue,
            RunConfig config,
            boolean fromCache,
            boolean sequential) {
        this.fromCache = fromCache;
        this.sequential = sequential;
        this.source = source;
        this.kieBase = kieBase;
        // A severity the config gives a rule for every payer is the rule's severity for this run:
        // findings carry it
        // and `rules list` shows it.
        List<RuleMetadata> effective =
                catalogue.stream()
                        .map(
                                rule ->
                                        config.severityOf(rule.id()) == null
                                                ? rule
                                                : rule.withSeverity(config.severityOf(rule.id())))
                        .toList();
        this.catalogue = effective.stream().sorted(Comparator.comparing(RuleMetadata::id)).toList();
        this.byName =
                effective.stream()
                        .collect(Collectors.toMap(RuleMetadata::ruleName, Function.identity()));
        this.config = config;
        this.payers = config.payers();
    }

    public RuleSet source() {
        return source;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /**
     * A KieBase a stateful session can be opened on, for analysis of the network ({@link
     * FactReaders}): this one, or in sequential mode (which refuses stateful sessions) one built
     * from its packages.
     */
    synchronized KieBase statefulKieBase() {
        if (!sequential) {
            return kieBase;
        }
        if (statefulCopy == null) {
            InternalKnowledgeBase copy = KnowledgeBaseFactory.newKnowledgeBase();
            copy.addPackages(kieBase.getKiePackages());
            statefulCopy = copy;
        }
        return statefulCopy;
    }

    /**
     * True when no rule changes the facts, so the KieBase is in sequential mode and is evaluated
     * through stateless sessions; false when a rule inserts, modifies or deletes a fact.
     */
    public boolean sequential() {
        return sequential;
    }

    /** Every rule's metadata, by id, including rules switched off for this run. */
    public List<RuleMetadata> catalogue() {
        return catalogue;
    }

    /**
     * True when a line of this payer is in the rule's {@code @payers} scope: the scope is written
     * once, in the annotation, and applied here to every finding, so no rule repeats it as a
     * condition. "Medicare, Aetna": the payer is (or counts as) one of them; "not NCCI, not
     * NoNCCI": it is none of them; no annotation: every payer.
     */
    public boolean inScope(RuleMetadata rule, String payer) {
        boolean anyPositive = false;
        boolean matchedPositive = false;
        for (String scope : rule.payers()) {
            String name = scope.strip();
            if (name.startsWith("not ")) {
                if (payers.is(payer, name.substring(4).strip())) {
                    return false;
                }
            } else {
                anyPositive = true;
                matchedPositive |= payers.is(payer, name);
            }
        }
        return !anyPositive || matchedPositive;
    }

    /** The rules that run: the catalogue less those the config switches off. */
    public List<RuleMetadata> enabled() {
        return catalogue.stream()
                .filter(rule -> config.reasonOff(rule.id(), rule.category()) == null)
                .toList();
    }

    /** True when the rules were loaded as an earlier run compiled them (see {@link RuleCache}). */
    public boolean fromCache() {
        return fromCache;
    }

    public RunConfig config() {
        return config;
    }

    /**
     * The severity of a rule's finding on a line of this payer: a config line naming the rule and a
     * payer the line's payer is (or counts as) wins over the run-wide one; the first such line in
     * the config, when several match.
     */
    public Severity severityFor(RuleMetadata rule, String payer) {
        for (RunConfig.SeverityOverride override : config.severities()) {
            if (override.payer() != null
                    && override.ruleId().equals(rule.id())
                    && payers.is(payer, override.payer())) {
                return override.severity();
            }
        }
        return rule.severity();
    }

    /** Why the config's suppressions accept the rule's finding on this line ("" when none does). */
    public String suppressionOf(RuleMetadata rule, ClaimLine line, LocalDate today) {
        for (Suppression suppression : config.suppressions()) {
            if (suppression.matches(rule.id(), line, payers, today)) {
                return suppression.describe();
            }
        }
        return "";
    }

    public RuleMetadata metadataOf(String ruleName) {
        RuleMetadata metadata = byName.get(ruleName);
        if (metadata == null) {
            throw new IllegalStateException("rule \"" + ruleName + "\" fired but has no metadata");
        }
        return metadata;
    }
}
