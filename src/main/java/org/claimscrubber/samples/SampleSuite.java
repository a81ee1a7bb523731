package org.claimscrubber.samples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A sample suite: a folder holding {@code claims.csv} (a claim export; each claim is a case, and an
 * optional {@code case_note} column says what it shows) and {@code expected.csv} (columns {@code
 * claim_id,line_number,rule_id} and an optional {@code note}; a claim with no rows expects no
 * findings). A suite may hold a {@code reference/} folder of full official code sets, used as
 * --reference for it; a {@code rules/} folder of DRL files or policy tables run beside the rules
 * under test (a payer's policy table before it is turned on); and a {@code suite.conf} config
 * (payer names, column names, suppressions) used for it.
 */
public record SampleSuite(String name, Path claims, Path expected) {

    public static final String REFERENCE = "reference";

    /** The suite's own reference folder, or null. */
    public Path reference() {
        Path folder = claims.getParent().resolve(REFERENCE);
        return Files.isDirectory(folder) ? folder : null;
    }

    public static final String RULES = "rules";
    public static final String CONFIG = "suite.conf";

    /** The suite's own rules folder, or null. */
    public Path rules() {
        Path folder = claims.getParent().resolve(RULES);
        return Files.isDirectory(folder) ? folder : null;
    }

    /** The suite's own config file, or null. */
    public Path config() {
        Path file = claims.getParent().resolve(CONFIG);
        return Files.isRegularFile(file) ? file : null;
    }

    public static final String EARLIER_NIGHTS = "earlier-nights";

    /**
     * The exports of the nights before the suite's claims ({@code earlier-nights/*.csv}, in name
     * order, the last one the night before), scrubbed into a fresh claim history first, so the
     * suite's claims are checked against it as {@code run --history} checks a night's; empty
     * without the folder.
     */
    public List<Path> earlierNights() throws IOException {
        Path folder = claims.getParent().resolve(EARLIER_NIGHTS);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
    }

    public static final String CLAIMS = "claims.csv";
    public static final String EXPECTED = "expected.csv";

    /** Every suite at or below {@code root}, by path. {@code root} may itself be a suite. */
    public static List<SampleSuite> find(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> path.getFileName().toString().equals(CLAIMS))
                    .map(Path::getParent)
                    .filter(dir -> Files.isRegularFile(dir.resolve(EXPECTED)))
                    .sorted()
                    .map(
                            dir ->
                                    new SampleSuite(
                                            nameOf(root, dir),
                                            dir.resolve(CLAIMS),
                                            dir.resolve(EXPECTED)))
                    .toList();
        }
    }

    private static String nameOf(Path root, Path dir) {
        String relative = root.relativize(dir).toString().replace('\\', '/');
        return relative.isEmpty()
                ? dir.toString()
                : root.toString().replace('\\', '/') + "/" + relative;
    }
}
