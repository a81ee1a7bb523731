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

    CompiledRules(RuleSet source, KieBase kieBase, List<RuleMetadata> catalogue) {
        this.source = source;
        this.kieBase = kieBase;
        this.catalogue = catalogue.stream().sorted(Comparator.comparing(RuleMetadata::id)).toList();
        this.byName = catalogue.stream().collect(Collectors.toMap(RuleMetadata::ruleName, Function.identity()));
    }

    public RuleSet source() {
        return source;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /** Every rule's metadata, by id. */
    public List<RuleMetadata> catalogue() {
        return catalogue;
    }

    public RuleMetadata metadataOf(String ruleName) {
        RuleMetadata metadata = byName.get(ruleName);
        if (metadata == null) {
            throw new IllegalStateException("rule \"" + ruleName + "\" fired but has no metadata");
        }
        return metadata;
    }
}
