package org.claimscrubber.spark;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.claimscrubber.domain.Severity;

/**
 * What the Spark job was asked to do.
 *
 * @param partitions partitions of the claim shuffle, or 0 to size them from the cluster and the input
 */
record JobSettings(List<String> inputs, String out, Sources sources, Policy policy, int partitions) {

    /** Where rules, seeds, reference files and the config come from; null for the defaults. */
    record Sources(Path rules, Path seeds, Path reference, Path config) {
    }

    /**
     * @param holdOn    the least severity that holds a claim (--hold-on), or null for the config's or ERROR
     * @param failOn    the severity at or above which a finding makes the job exit 1, or null
     * @param delimiter the field separator's name, or null to detect it
     */
    record Policy(LocalDate today, Severity holdOn, Severity failOn, String delimiter) {
    }
}
