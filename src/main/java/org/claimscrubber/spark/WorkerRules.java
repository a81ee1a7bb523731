package org.claimscrubber.spark;

import java.util.HashMap;
import java.util.Map;
import org.claimscrubber.batch.GroupedClaimEvaluator;
import org.claimscrubber.config.ConfigException;
import org.claimscrubber.engine.RuleCache;
import org.claimscrubber.engine.RulesException;
import org.claimscrubber.facts.FactsException;
import org.claimscrubber.report.Citations;
import org.claimscrubber.setup.RunSetup;
import org.claimscrubber.setup.RunSources;

/**
 * The compiled rules and loaded facts of a worker JVM: built once per job from the shipped text, on
 * the first task that needs them, and shared by every task after it (compiling takes seconds; a
 * session takes microseconds).
 */
final class WorkerRules {

    private static final Map<String, RunSetup> LOADED = new HashMap<>();

    private WorkerRules() {}

    /**
     * A fresh evaluator (one per task: evaluators are not thread-safe) over this JVM's compiled
     * rules.
     */
    static GroupedClaimEvaluator evaluator(JobFiles job) {
        RunSetup loaded = load(job);
        return new GroupedClaimEvaluator(loaded.rules(), loaded.facts(), job.settings().today());
    }

    /** How this job's findings.csv names the seed documents. */
    static Citations citations(JobFiles job) {
        return load(job).citations();
    }

    /**
     * Offers the driver's own compiled rules and facts for the job: in local mode the executors run
     * in the driver's JVM and take them instead of compiling the same text again; on a cluster this
     * entry is never asked for.
     */
    static synchronized void share(String key, RunSetup setup) {
        LOADED.clear();
        LOADED.put(key, setup);
    }

    private static synchronized RunSetup load(JobFiles job) {
        RunSetup loaded = LOADED.get(job.key());
        if (loaded != null) {
            return loaded;
        }
        JobFiles.Local local = job.materialise();
        try {
            // No rules cache on a worker: its home folder is not the user's, and it compiles once
            // per job anyway.
            loaded =
                    RunSetup.load(
                            new RunSources(
                                    null,
                                    local.seeds(),
                                    local.reference(),
                                    local.config(),
                                    RuleCache.off()),
                            job.rules());
        } catch (ConfigException | RulesException | FactsException e) {
            // The driver compiled and loaded the same text before it started the job, so this is
            // not a user error.
            throw new IllegalStateException(
                    "the rules or facts that loaded on the driver do not load on a worker: "
                            + e.getMessage(),
                    e);
        }
        LOADED.clear();
        LOADED.put(job.key(), loaded);
        return loaded;
    }
}
