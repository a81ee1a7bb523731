package org.claimscrubber.spark;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.claimscrubber.domain.Severity;
import org.claimscrubber.engine.RuleCache;
import org.claimscrubber.files.BundledFiles;

/**
 * What the Spark job was asked to do.
 *
 * @param partitions partitions of the claim shuffle, or 0 to size them from the cluster and the input
 */
record JobSettings(List<String> inputs, String out, Sources sources, Policy policy, int partitions) {

    /**
     * The rules and seeds folders (as every command resolves them), the --reference folder and the --config file
     * (or null), and the driver's rules cache.
     */
    record Sources(BundledFiles.Located rules, BundledFiles.Located seeds, Path reference, Path config,
                   RuleCache ruleCache) {
    }

    /**
     * @param holdOn    the least severity that holds a claim (--hold-on), or null for the config's or ERROR
     * @param failOn    the severity at or above which a finding makes the job exit 1, or null
     * @param delimiter the field separator's name, or null to detect it
     */
    record Policy(LocalDate today, Severity holdOn, org.claimscrubber.report.FailOn failOn, String delimiter) {
    }
}
