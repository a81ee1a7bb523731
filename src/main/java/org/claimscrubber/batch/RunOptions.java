package org.claimscrubber.batch;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.claimscrubber.domain.Severity;
import org.claimscrubber.engine.RuleCache;
import org.claimscrubber.engine.RuleSwitches;
import org.claimscrubber.files.BundledFiles;
import org.claimscrubber.input.ReadOptions;

/** What {@code run} was asked to do: what to read, with which rules and facts, by which policy, where to, how. */
public record RunOptions(Input input, Sources sources, Policy policy, Output output, Execution execution) {

    /**
     * @param files         files, directories (their *.csv and *.csv.gz) and "-" for standard input
     * @param standardInput what "-" reads
     * @param reading       the separator (--delimiter, or detected) and column names (the config's column.*)
     */
    public record Input(List<String> files, InputStream standardInput, ReadOptions reading) {
        public Input {
            files = List.copyOf(files);
        }

        public static Input files(List<String> files) {
            return new Input(files, System.in, ReadOptions.DETECT);
        }
    }

    /**
     * @param reference full official code sets and CMS edit files (--reference), or null
     * @param switches  rules switched off and payer names, from --config
     * @param ruleCache where compiled rules are kept between runs
     */
    public record Sources(BundledFiles.Located rules, BundledFiles.Located seeds, Path reference, RuleSwitches switches,
                          RuleCache ruleCache) {

        /** The given rules and seeds, no reference files, no rules cache. */
        public static Sources of(BundledFiles.Located rules, BundledFiles.Located seeds, RuleSwitches switches) {
            return new Sources(rules, seeds, null, switches, RuleCache.off());
        }
    }

    /**
     * @param today  the day of the run, against which dates of service are checked
     * @param failOn when a completed run exits 1 (a finding at or above a severity, or input trouble), or null to
     *               exit 0 whatever is found
     * @param holdOn the least severity that holds a claim (ERROR unless --hold-on warning)
     */
    public record Policy(LocalDate today, org.claimscrubber.report.FailOn failOn, Severity holdOn) {

        /** Checked against {@code today}, holding on ERROR, exiting 0 whatever is found. */
        public static Policy on(LocalDate today) {
            return new Policy(today, null, Severity.ERROR);
        }
    }

    /**
     * @param split         also write clean-claims.csv and held-claims.csv
     * @param waitForFolder wait for another run writing the same folder to finish (--wait), or refuse
     * @param baseline      a report folder to compare the run with (--baseline), or null
     */
    public record Output(Path dir, boolean split, boolean waitForFolder, Path baseline) {

        public static Output to(Path dir) {
            return new Output(dir, false, false, null);
        }
    }

    /**
     * @param threads  workers evaluating claims
     * @param progress progress on standard error, or null
     */
    public record Execution(int threads, Progress progress) {

        /** One worker per core but the one that reads; no progress. */
        public static Execution defaults() {
            return new Execution(Scrubber.defaultThreads(), null);
        }
    }
}
