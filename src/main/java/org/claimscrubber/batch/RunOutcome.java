package org.claimscrubber.batch;

import java.nio.file.Path;
import org.claimscrubber.report.Changes;
import org.claimscrubber.report.RunManifest;

/**
 * A completed run: its manifest (counts, exit code), where the reports are, and what changed
 * against the baseline it was compared with (null without --baseline).
 */
public record RunOutcome(RunManifest manifest, Path reportDir, Changes changes) {}
