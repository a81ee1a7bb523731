package org.claimscrubber.batch;

import org.claimscrubber.input.ColumnMap;

/** An opened input: its position among the inputs, its name, its header and where its columns are. */
record SourceInfo(int index, String name, String[] header, ColumnMap columns) {
}
