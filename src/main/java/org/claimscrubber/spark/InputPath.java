package org.claimscrubber.spark;

import java.io.Serializable;

/**
 * One input of the job: its index among the inputs, how reports name it (the path as given, as the
 * local run names it), the qualified path to open on any worker, and its size.
 */
record InputPath(int index, String name, String uri, long size) implements Serializable {

    /** Read through gzip (as the local run reads a .gz file): one task reads it, from its start. */
    boolean gzip() {
        return name.endsWith(".gz");
    }
}
