package org.claimscrubber.batch;

import java.nio.file.Path;
import org.claimscrubber.report.RunManifest;

/** A completed run: its manifest (counts, exit code) and where the reports are. */
public record RunOutcome(RunManifest manifest, Path reportDir) {
}
