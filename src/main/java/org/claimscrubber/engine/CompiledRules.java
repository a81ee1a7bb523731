package org.claimscrubber.engine;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kie.api.KieBase;

/** A compiled rule set: the KieBase, built once and shared by every session, and the rule catalogue. */
public final class CompiledRules {

    private final RuleSet source;
    private final KieBase kieBase;
    private final List<RuleMetadata> catalogue;
    private final Map<String, RuleMetadata> byName;
    private final RuleSwitches switches;
    private final boolean fromCache;

    CompiledRules(RuleSet source, KieBase kieBase, List<RuleMetadata> catalogue, RuleSwitches switches,
                  boolean fromCache) {
        this.fromCache = fromCache;
        this.source = source;
        this.kieBase = kieBase;
        this.catalogue = catalogue.stream().sorted(Comparator.comparing(RuleMetadata::id)).toList();
        this.byName = catalogue.stream().collect(Collectors.toMap(RuleMetadata::ruleName, Function.identity()));
        this.switches = switches;
    }

    public RuleSet source() {
        return source;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /** Every rule's metadata, by id, including rules switched off for this run. */
    public List<RuleMetadata> catalogue() {
        return catalogue;
    }

    /** The rules that run: the catalogue less those the config switches off. */
    public List<RuleMetadata> enabled() {
        return catalogue.stream().filter(rule -> switches.reasonOff(rule) == null).toList();
    }

    /** True when the rules were loaded as an earlier run compiled them (see {@link RuleCache}). */
    public boolean fromCache() {
        return fromCache;
    }

    public RuleSwitches switches() {
        return switches;
    }

    public RuleMetadata metadataOf(String ruleName) {
        RuleMetadata metadata = byName.get(ruleName);
        if (metadata == null) {
            throw new IllegalStateException("rule \"" + ruleName + "\" fired but has no metadata");
        }
        return metadata;
    }
}
