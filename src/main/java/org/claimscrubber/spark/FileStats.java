package org.claimscrubber.spark;

import java.io.Serializable;
import org.claimscrubber.report.RunManifest;

/** What reading one input found, for run.json: its hash, size, lines and rows, and its blank lines. */
record FileStats(int index, RunManifest.InputFile file, long blankLines) implements Serializable {
}
