package org.claimscrubber.spark;

import java.time.LocalDate;
import java.util.List;
import org.claimscrubber.domain.Severity;
import org.claimscrubber.report.FailOn;
import org.claimscrubber.setup.RunSources;

/**
 * What the Spark job was asked to do.
 *
 * @param partitions partitions of the claim shuffle, or 0 to size them from the cluster and the
 *     input
 * @param glob the inputs are glob patterns (--glob), not literal paths
 */
record JobSettings(
        List<String> inputs,
        String out,
        RunSources sources,
        Policy policy,
        int partitions,
        long partBytes,
        boolean glob) {

    /**
     * @param holdOn the least severity that holds a claim (--hold-on), or null for the config's or
     *     ERROR
     * @param failOn the severity at or above which a finding makes the job exit 1, or null
     * @param separator the field separator (--delimiter), or '\0' to detect it
     * @param skipLines lines above the header each file begins with (--skip-lines)
     */
    record Policy(LocalDate today, Severity holdOn, FailOn failOn, char separator, int skipLines) {}
}
