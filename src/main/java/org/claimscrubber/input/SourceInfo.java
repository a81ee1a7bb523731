package org.claimscrubber.input;

import org.claimscrubber.input.ColumnMap;

/**
 * An opened input: its position among the inputs, its name, its header and where its columns are. Serializable:
 * the Spark job ships the inputs' descriptions to the workers that parse their rows.
 */
public record SourceInfo(int index, String name, String[] header, ColumnMap columns) implements java.io.Serializable {
}
