package org.claimscrubber.input;

import java.io.Serializable;

/**
 * An opened input: its position among the inputs, its name, its header and where its columns are,
 * and what the clean and held files need to forward its rows as stored: its header line's bytes and
 * its separator. Serializable: the Spark job ships the inputs' descriptions to the workers that
 * parse their rows.
 *
 * @param headerLine the header line as stored (byte-order mark and line end included), or null when
 *     rows are not forwarded
 */
public record SourceInfo(
        int index,
        String name,
        String[] header,
        ColumnMap columns,
        byte[] headerLine,
        char separator)
        implements Serializable {

    /** The input {@code reader} has opened, at {@code index} among the run's inputs. */
    public static SourceInfo of(int index, String name, SourceReader reader) {
        return new SourceInfo(
                index,
                name,
                reader.header(),
                reader.columns(),
                reader.headerRaw(),
                reader.separator());
    }
}
