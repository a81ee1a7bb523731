package org.claimscrubber.cli;

import java.nio.file.Path;
import org.claimscrubber.files.BundledFiles;
import picocli.CommandLine.Option;

/** The {@code --rules} and {@code --seeds} options shared by every command that loads them. */
public final class Locations {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "DRL rules folder (default: ./rules if present, else the rules inside the jar)")
    Path rules;

    @Option(names = "--seeds", paramLabel = "DIR",
            description = "Seed documents folder (default: ./seeds if present, else the seeds inside the jar)")
    Path seeds;

    BundledFiles.Located rules() {
        return rules == null ? BundledFiles.defaultDirectory("rules") : BundledFiles.Located.given(rules);
    }

    BundledFiles.Located seeds() {
        return seeds == null ? BundledFiles.defaultDirectory("seeds") : BundledFiles.Located.given(seeds);
    }
}
