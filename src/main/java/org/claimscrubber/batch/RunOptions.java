package org.claimscrubber.batch;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.claimscrubber.domain.Severity;
import org.claimscrubber.engine.RuleCache;
import org.claimscrubber.engine.RuleSwitches;
import org.claimscrubber.files.BundledFiles;

/**
 * What {@code run} was asked to do.
 *
 * @param inputs        files, directories (their *.csv and *.csv.gz) and "-" for standard input
 * @param reference     full official code sets (--reference), or null
 * @param switches      rules switched off and payer names, from --config
 * @param ruleCache     where compiled rules are kept between runs
 * @param failOn        the severity at or above which a completed run exits 1, or null to exit 0 whatever is found
 * @param today         the day of the run, against which dates of service are checked
 * @param threads       workers evaluating claims
 * @param split         also write clean-claims.csv and held-claims.csv
 * @param holdOn        the least severity that holds a claim (ERROR unless --hold-on warning)
 * @param waitForFolder wait for another run writing the same --out folder to finish (--wait), or refuse
 * @param reading       the separator (--delimiter, or detected) and column names (the config's column.*)
 * @param baseline      a report folder to compare the run with (--baseline), or null
 * @param progress      progress on standard error, or null
 * @param standardInput what "-" reads
 */
public record RunOptions(List<String> inputs, Path outDir, BundledFiles.Located rules, BundledFiles.Located seeds,
                         Path reference, RuleSwitches switches, RuleCache ruleCache, Severity failOn, LocalDate today, int threads,
                         boolean split, Severity holdOn, boolean waitForFolder, Progress progress,
                         InputStream standardInput, org.claimscrubber.input.ReadOptions reading, Path baseline) {

    public RunOptions {
        inputs = List.copyOf(inputs);
    }

    /** The usual options for tests and tools: all cores, no split, no progress. */
    public static RunOptions of(List<String> inputs, Path outDir, BundledFiles.Located rules,
                                BundledFiles.Located seeds, RuleSwitches switches, Severity failOn, LocalDate today) {
        return new RunOptions(inputs, outDir, rules, seeds, null, switches, RuleCache.off(), failOn, today,
                Scrubber.defaultThreads(), false, Severity.ERROR, false, null, System.in,
                org.claimscrubber.input.ReadOptions.DETECT, null);
    }
}
