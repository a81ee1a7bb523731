package org.claimscrubber.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.claimscrubber.input.InputFile;
import org.claimscrubber.input.SourceInfo;

/**
 * What the reading side of a pass saw: the inputs, blank lines, and (live, for progress) rows and
 * bytes.
 */
final class ReadStats {

    final AtomicLong rows = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final AtomicLong readNanos = new AtomicLong();
    final List<InputFile> inputs = Collections.synchronizedList(new ArrayList<>());
    final List<SourceInfo> sources = Collections.synchronizedList(new ArrayList<>());
    volatile long blankLines;
}
