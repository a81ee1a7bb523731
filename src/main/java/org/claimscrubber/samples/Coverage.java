package org.claimscrubber.samples;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimscrubber.domain.SeedFact;
import org.claimscrubber.engine.CompiledRules;
import org.claimscrubber.engine.FactReaders;
import org.claimscrubber.engine.RuleMetadata;
import org.claimscrubber.facts.FactBase;
import org.claimscrubber.facts.FactListing;

/**
 * What the samples and rules leave unchecked: enabled rules that no sample case fires, and seed
 * facts that no rule reads (e.g. a related-CPT row no interpretation classifies).
 */
public record Coverage(
        List<RuleMetadata> unfiredRules, List<SeedFact> unreadFacts, int rules, int facts) {

    public static Coverage of(
            CompiledRules rules, FactBase facts, Collection<SuiteResult> results) {
        Set<String> fired = new HashSet<>();
        results.forEach(result -> fired.addAll(result.rulesFired()));
        List<RuleMetadata> enabled = rules.enabled();
        List<RuleMetadata> unfired =
                enabled.stream().filter(rule -> !fired.contains(rule.id())).toList();
        List<SeedFact> seedFacts = facts.seedFacts();
        Map<Object, Set<String>> readers = FactReaders.of(rules, seedFacts);
        List<SeedFact> unread =
                seedFacts.stream().filter(fact -> readers.get(fact).isEmpty()).toList();
        return new Coverage(unfired, unread, enabled.size(), seedFacts.size());
    }

    public void print(PrintWriter out) {
        out.printf(
                "coverage: %d of %d rules fired by a sample case%n",
                rules - unfiredRules.size(), rules);
        for (RuleMetadata rule : unfiredRules) {
            out.printf(
                    "  no sample fires %s (%s): %s%n",
                    rule.id(), rule.location(), rule.description());
        }
        out.printf(
                "coverage: %d of %d seed facts read by a rule; not read:%n",
                facts - unreadFacts.size(), facts);
        for (SeedFact fact : unreadFacts) {
            out.printf("  %s  %s%n", fact.provenance().location(), FactListing.describe(fact));
        }
    }
}
