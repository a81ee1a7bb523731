package org.claimscrubber.setup;

import java.nio.file.Path;
import org.claimscrubber.engine.RuleCache;
import org.claimscrubber.files.BundledFiles;
import org.claimscrubber.history.HistoryStore;

/**
 * Where a run's rules, facts and config come from, as every command resolves them ({@code --rules},
 * {@code --seeds}, {@code --reference}, {@code --config}), and where compiled rules are kept
 * between runs.
 *
 * @param reference full official code sets and CMS edit files (--reference), or null
 * @param config the --config file, or null for none
 * @param history the claim history to check against and record into (--history), or null for none
 */
public record RunSources(
        BundledFiles.Located rules,
        BundledFiles.Located seeds,
        Path reference,
        Path config,
        RuleCache ruleCache,
        HistoryStore.Options history) {

    public RunSources(
            BundledFiles.Located rules,
            BundledFiles.Located seeds,
            Path reference,
            Path config,
            RuleCache ruleCache) {
        this(rules, seeds, reference, config, ruleCache, null);
    }

    /** The given rules and seeds, no reference files, no config, no rules cache. */
    public static RunSources of(BundledFiles.Located rules, BundledFiles.Located seeds) {
        return new RunSources(rules, seeds, null, null, RuleCache.off());
    }

    public RunSources withConfig(Path file) {
        return new RunSources(rules, seeds, reference, file, ruleCache, history);
    }

    public RunSources withReference(Path folder) {
        return new RunSources(rules, seeds, folder, config, ruleCache, history);
    }

    public RunSources withHistory(HistoryStore.Options options) {
        return new RunSources(rules, seeds, reference, config, ruleCache, options);
    }
}
