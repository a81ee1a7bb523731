package org.claimscrubber.batch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.claimscrubber.engine.RuleSwitches;
import org.claimscrubber.engine.Severity;
import org.claimscrubber.files.BundledFiles;

/**
 * What {@code run} was asked to do.
 *
 * @param switches rules switched off and payer names, from --config
 * @param failOn the severity at or above which a completed run exits 1, or null to exit 0 whatever is found
 * @param today  the day of the run, against which dates of service are checked
 */
public record RunOptions(List<Path> inputs, Path outDir, BundledFiles.Located rules, BundledFiles.Located seeds,
                         RuleSwitches switches, Severity failOn, LocalDate today) {

    public RunOptions {
        inputs = List.copyOf(inputs);
    }
}
