package org.claimscrubber.spark;

import java.io.Serializable;
import org.claimscrubber.input.CsvRecord;

/** A row as read, on its way to its claim's partition: the index of its input, and the record. */
record ShuffledRow(int input, CsvRecord record) implements Serializable {}
