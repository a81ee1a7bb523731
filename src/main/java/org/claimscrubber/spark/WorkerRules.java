package org.claimscrubber.spark;

import java.util.HashMap;
import java.util.Map;
import org.claimscrubber.batch.ClaimEvaluator;
import org.claimscrubber.engine.CompiledRules;
import org.claimscrubber.engine.RuleCache;
import org.claimscrubber.engine.RuleCompiler;
import org.claimscrubber.engine.RuleSwitches;
import org.claimscrubber.engine.RulesException;
import org.claimscrubber.facts.FactBase;
import org.claimscrubber.facts.FactLoader;
import org.claimscrubber.facts.FactsException;

/**
 * The compiled rules and loaded facts of a worker JVM: built once per job from the shipped text, on the first
 * task that needs them, and shared by every task after it (compiling takes seconds; a session takes
 * microseconds).
 */
final class WorkerRules {

    private static final Map<String, Loaded> LOADED = new HashMap<>();

    private WorkerRules() {
    }

    private record Loaded(CompiledRules rules, FactBase facts) {
    }

    /** A fresh evaluator (one per task: evaluators are not thread-safe) over this JVM's compiled rules. */
    static ClaimEvaluator evaluator(JobFiles job) {
        Loaded loaded = load(job);
        return new ClaimEvaluator(loaded.rules(), loaded.facts(), job.settings().today());
    }

    /**
     * Offers the driver's own compiled rules and facts for the job: in local mode the executors run in the driver's
     * JVM and take them instead of compiling the same text again; on a cluster this entry is never asked for.
     */
    static synchronized void share(String key, CompiledRules rules, FactBase facts) {
        LOADED.clear();
        LOADED.put(key, new Loaded(rules, facts));
    }

    private static synchronized Loaded load(JobFiles job) {
        Loaded loaded = LOADED.get(job.key());
        if (loaded != null) {
            return loaded;
        }
        JobFiles.Local local = job.materialise();
        try {
            RuleSwitches switches = local.config() == null ? RuleSwitches.NONE : RuleSwitches.load(local.config());
            // No rules cache on a worker: its home folder is not the user's, and it compiles once per job anyway.
            CompiledRules rules = new RuleCompiler(RuleCache.off()).compile(job.rules(), switches);
            FactBase facts = FactLoader.load(local.seeds(), local.reference());
            loaded = new Loaded(rules, facts);
        } catch (RulesException | FactsException e) {
            // The driver compiled and loaded the same text before it started the job, so this is not a user error.
            throw new IllegalStateException("the rules or facts that loaded on the driver do not load on a worker: "
                    + e.getMessage(), e);
        }
        LOADED.clear();
        LOADED.put(job.key(), loaded);
        return loaded;
    }
}
