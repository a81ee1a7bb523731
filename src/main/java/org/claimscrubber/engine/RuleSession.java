package org.claimscrubber.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimscrubber.domain.Claim;
import org.claimscrubber.domain.ClaimLine;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.domain.InputProblem;
import org.claimscrubber.domain.RunContext;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.StatelessKieSession;

/**
 * Evaluates chunks of claims for one worker. Each chunk gets a new session from the shared KieBase,
 * with the reference facts inserted once for the chunk (a few hundred facts for thousands of claim
 * lines): measured on 2 cores, that is faster than keeping one session and deleting each chunk's
 * facts after it. A rule that fails does not stop the run: the claim it failed on is reported and
 * marked not fully scrubbed. Not thread-safe; each worker owns one.
 */
public final class RuleSession {

    private static final Pattern RULE_NAME =
            Pattern.compile("Rule \"([^\"]+)\"|\\[Rule name='([^']+)'");

    /**
     * The findings of a chunk by claim (order), each claim's in report order, and the claims (by
     * order) not fully scrubbed.
     */
    public record Result(Map<Long, List<Finding>> byClaim, Set<Long> unscrubbed) {

        /** A claim's findings, in report order; none when its rules reported nothing. */
        public List<Finding> of(long claimOrder) {
            return byClaim.getOrDefault(claimOrder, List.of());
        }

        /** Every finding of the chunk, in report order. */
        public List<Finding> findings() {
            List<Finding> all = new ArrayList<>();
            byClaim.values().forEach(all::addAll);
            all.sort(Finding.REPORT_ORDER);
            return all;
        }
    }

    private final CompiledRules rules;
    private final SessionFindings collector;

    public RuleSession(CompiledRules rules, List<?> referenceFacts) {
        this.rules = rules;
        this.collector =
                new SessionFindings(
                        rules,
                        referenceFacts.stream()
                                .filter(RunContext.class::isInstance)
                                .map(fact -> ((RunContext) fact).today())
                                .findFirst()
                                .orElse(null));
        this.referenceGlobals =
                ReferenceGlobals.of(rules.kieBase(), referenceFacts, rules.config().payers());
        this.factsToInsert =
                referenceFacts.stream()
                        .filter(fact -> !ReferenceGlobals.isGlobalOnly(fact))
                        .map(Object.class::cast)
                        .toList();
    }

    private final Map<String, Object> referenceGlobals;

    /**
     * The reference facts rules match (seed documents, unit limits, ...); the reference data they
     * ask (documents, ncci, run, ...) is set as globals only.
     */
    private final List<Object> factsToInsert;

    /**
     * Firings allowed per fact of a chunk: the shipped rules fire a few times per line at most, so
     * a rule whose consequence keeps re-triggering itself (modify/update in a loop) is stopped
     * instead of hanging the run.
     */
    static final int MAX_FIRINGS_PER_FACT = 1_000;

    /** A chunk or claim whose rules fired more often than any real claim needs. */
    static final class RunawayRules extends RuntimeException {
        final String ruleName;

        RunawayRules(String ruleName, long firings) {
            super(
                    "the rules fired "
                            + firings
                            + " times on this claim, more than "
                            + MAX_FIRINGS_PER_FACT
                            + " per line;"
                            + " this rule changes facts: does its consequence re-trigger it (modify/update) without end?");
            this.ruleName = ruleName;
        }
    }

    /** Evaluates the claims; every line of a claim must be in the same chunk. */
    public Result evaluate(List<Claim> claims) {
        try {
            fire(claims, false);
        } catch (RuntimeException failure) {
            // A condition threw, which stops the whole session: evaluate claim by claim to find the
            // one.
            collector.drain();
            collector.drainUnscrubbed();
            for (Claim claim : claims) {
                try {
                    fire(List.of(claim), true);
                } catch (RunawayRules runaway) {
                    collector.forget(
                            claim.order()); // what its looping rules reported is not to be trusted
                    collector.claimFailed(
                            rules.catalogue().stream()
                                    .filter(r -> r.ruleName().equals(runaway.ruleName))
                                    .findFirst()
                                    .orElse(null),
                            claim,
                            runaway);
                } catch (RuntimeException claimFailure) {
                    // A claim with no readable line (only rejected rows) is reported too: it must
                    // not vanish.
                    collector.claimFailed(ruleOf(claimFailure), claim, claimFailure);
                }
            }
        }
        return new Result(collector.drain(), collector.drainUnscrubbed());
    }

    /**
     * @param blame watch which rule changes facts, to name it if the firing limit is reached (only
     *     when claims are evaluated one by one: a listener on every chunk's inserts would cost
     *     every line)
     */
    private void fire(List<Claim> claims, boolean blame) {
        if (rules.sequential()) {
            fireSequentially(claims);
            return;
        }
        KieSession session = rules.kieBase().newKieSession();
        try {
            session.setGlobal(RuleCompiler.FINDINGS_GLOBAL, collector);
            referenceGlobals.forEach(session::setGlobal);
            for (Object fact : factsToInsert) {
                session.insert(fact);
            }
            long facts = 0;
            for (Claim claim : claims) {
                for (ClaimLine line : claim.lines()) {
                    session.insert(line);
                }
                for (InputProblem problem : claim.problems()) {
                    session.insert(problem);
                }
                facts += claim.lines().size() + claim.problems().size();
            }
            int limit =
                    (int)
                            Math.min(
                                    Integer.MAX_VALUE - 1,
                                    Math.max(1, facts) * MAX_FIRINGS_PER_FACT);
            // Which rule changes facts (update/modify/insert in a consequence): the one to blame
            // for a loop.
            FactChanges changes = blame ? new FactChanges() : null;
            if (changes != null) {
                session.addEventListener(changes);
            }
            int fired;
            RuleClock.start(rules.catalogue());
            try {
                fired = session.fireAllRules(limit);
            } finally {
                RuleClock.stop();
            }
            if (fired >= limit) {
                throw new RunawayRules(
                        changes == null ? "" : changes.mostFrequent(),
                        fired); // blamed on the re-run
            }
        } finally {
            session.dispose();
        }
    }

    /**
     * Evaluates rules that only report (see {@link CompiledRules#sequential()}): one stateless
     * execution, each matching rule firing once. No rule can re-trigger another, so no firing limit
     * is needed.
     */
    private void fireSequentially(List<Claim> claims) {
        StatelessKieSession session = rules.kieBase().newStatelessKieSession();
        session.setGlobal(RuleCompiler.FINDINGS_GLOBAL, collector);
        referenceGlobals.forEach(session::setGlobal);
        List<Object> facts = new ArrayList<>(factsToInsert.size() + claims.size() * 4);
        facts.addAll(factsToInsert);
        for (Claim claim : claims) {
            facts.addAll(claim.lines());
            facts.addAll(claim.problems());
        }
        RuleClock.start(rules.catalogue());
        try {
            session.execute(facts);
        } finally {
            RuleClock.stop();
        }
    }

    /** The rule Drools names in a failure's message, if it names one of ours. */
    private RuleMetadata ruleOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Matcher name = RULE_NAME.matcher(String.valueOf(cause.getMessage()));
            while (name.find()) {
                String ruleName = name.group(1) != null ? name.group(1) : name.group(2);
                for (RuleMetadata rule : rules.catalogue()) {
                    if (rule.ruleName().equals(ruleName)) {
                        return rule;
                    }
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    /**
     * Counts, by rule, the facts rules insert or update: the rule doing most of it is the one that
     * loops.
     */
    private static final class FactChanges extends DefaultRuleRuntimeEventListener {
        private final Map<String, Long> byRule = new HashMap<>();

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            count(event.getRule());
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            count(event.getRule());
        }

        private void count(Rule rule) {
            if (rule != null) {
                byRule.merge(rule.getName(), 1L, Long::sum);
            }
        }

        String mostFrequent() {
            return byRule.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElse("");
        }
    }
}
