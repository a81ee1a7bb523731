package org.claimscrubber.batch;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.claimscrubber.domain.Severity;
import org.claimscrubber.report.FailOn;
import org.claimscrubber.setup.RunSources;

/**
 * What {@code run} was asked to do: what to read, with which rules and facts, by which policy,
 * where to, how.
 */
public record RunOptions(
        Input input, RunSources sources, Policy policy, Output output, Execution execution) {

    /**
     * @param files files, directories (their *.csv and *.csv.gz) and "-" for standard input
     * @param standardInput what "-" reads
     * @param separator the field separator (--delimiter), or '\0' to detect it from the header; the
     *     column names are the config's column.*
     * @param skipLines lines above the header each file begins with (--skip-lines), skipped and
     *     counted
     */
    public record Input(
            List<String> files, InputStream standardInput, char separator, int skipLines) {
        public Input {
            files = List.copyOf(files);
        }

        public Input(List<String> files, InputStream standardInput, char separator) {
            this(files, standardInput, separator, 0);
        }

        public static Input files(List<String> files) {
            return new Input(files, System.in, '\0');
        }
    }

    /**
     * @param today the day of the run, against which dates of service are checked
     * @param failOn when a completed run exits 1 (a finding at or above a severity, or input
     *     trouble), or null to exit 0 whatever is found
     * @param holdOn the least severity that holds a claim (--hold-on), or null for the config's
     *     hold.on or ERROR
     */
    public record Policy(LocalDate today, FailOn failOn, Severity holdOn) {

        /**
         * Checked against {@code today}, holding as the config says (ERROR without one), exiting 0
         * whatever is found.
         */
        public static Policy on(LocalDate today) {
            return new Policy(today, null, null);
        }
    }

    /**
     * @param split also write clean-claims.csv and held-claims.csv
     * @param waitForFolder wait for another run writing the same folder to finish (--wait), or
     *     refuse
     * @param baseline a report folder to compare the run with (--baseline), or null
     */
    public record Output(Path dir, boolean split, boolean waitForFolder, Path baseline) {

        public static Output to(Path dir) {
            return new Output(dir, false, false, null);
        }
    }

    /**
     * @param threads workers evaluating claims
     * @param progress progress on standard error, or null
     */
    public record Execution(int threads, Progress progress) {

        /** One worker per core but the one that reads; no progress. */
        public static Execution defaults() {
            return new Execution(ClaimPipeline.defaultThreads(), null);
        }
    }
}
