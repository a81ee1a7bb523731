package org.claimscrubber.spark;

import java.io.Serializable;
import org.claimscrubber.input.InputFile;

/**
 * What reading one input found, for run.json: its hash, size, lines and rows, and its blank lines.
 */
record FileStats(int index, InputFile file, long blankLines) implements Serializable {}
