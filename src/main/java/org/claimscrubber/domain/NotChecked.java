package org.claimscrubber.domain;

import java.io.Serializable;
import java.util.Arrays;

/**
 * How many lines each edit family could not check for want of data, for a claim or added up over a
 * run. Counts merge, so the Spark job's partitions add up to the local run's counts.
 */
public final class NotChecked implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long[] lines = new long[EditFamily.values().length];

    public void add(EditFamily family) {
        lines[family.ordinal()]++;
    }

    public void add(EditFamily family, long count) {
        lines[family.ordinal()] += count;
    }

    /** The counts in {@link EditFamily} order, for a spill file. */
    public long[] toArray() {
        return lines.clone();
    }

    /** Counts as {@link #toArray()} gave them. */
    public static NotChecked of(long[] counts) {
        NotChecked notChecked = new NotChecked();
        System.arraycopy(
                counts, 0, notChecked.lines, 0, Math.min(counts.length, notChecked.lines.length));
        return notChecked;
    }

    public long lines(EditFamily family) {
        return lines[family.ordinal()];
    }

    public NotChecked merge(NotChecked other) {
        for (int i = 0; i < lines.length; i++) {
            lines[i] += other.lines[i];
        }
        return this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NotChecked that && Arrays.equals(lines, that.lines);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(lines);
    }

    @Override
    public String toString() {
        return "NotChecked" + Arrays.toString(lines);
    }
}
