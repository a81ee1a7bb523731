package org.claimscrubber.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.claimscrubber.report.FindingsCsvWriter;
import org.claimscrubber.report.ManifestWriter;
import org.claimscrubber.report.RunManifest;

/**
 * The job's output folder: {@code findings/} (CSV part files, each with the header), {@code findings.csv} (the parts
 * merged, when the folder is on the local file system) and {@code run.json}, written last so that its presence
 * marks a complete run. The parts are written beside the folder's old ones and swapped in when complete; run.json
 * is removed first, so a reader never takes old findings for the new run's.
 */
final class FindingsOutput {

    static final String PARTS = "findings";
    static final String MERGED = "findings.csv";
    static final String MANIFEST = "run.json";

    private final FileSystem fs;
    private final Path dir;

    FindingsOutput(String out, Configuration conf) throws IOException {
        this.dir = new Path(out);
        this.fs = dir.getFileSystem(conf);
        fs.setWriteChecksum(false); // no .crc files beside findings.csv and run.json on a local folder
    }

    /** Where this run writes its parts before they are swapped in. */
    String attempt(String runId) {
        return new Path(dir, "_" + PARTS + "-" + runId).toString();
    }

    /** A partition's findings.csv lines after the header line, as each part file carries it. */
    static Iterator<String> withHeader(Iterator<String> lines) {
        String header = PartitionScrubber.csvLine(FindingsCsvWriter.HEADER);
        return new Iterator<>() {
            private boolean headerDone;

            @Override
            public boolean hasNext() {
                return !headerDone || lines.hasNext();
            }

            @Override
            public String next() {
                if (!headerDone) {
                    headerDone = true;
                    return header;
                }
                return lines.next();
            }
        };
    }

    /** Replaces the folder's findings with the attempt's, and merges them into findings.csv on a local folder. */
    List<String> commit(String attempt) throws IOException {
        fs.delete(new Path(dir, MANIFEST), false);
        Path parts = new Path(dir, PARTS);
        fs.delete(parts, true);
        rename(new Path(attempt), parts);
        // Spark names text parts part-00000; these are CSV files with a header, and say so.
        for (FileStatus part : fs.listStatus(parts, path -> path.getName().startsWith("part-"))) {
            rename(part.getPath(), new Path(parts, part.getPath().getName() + ".csv"));
        }
        List<String> written = new ArrayList<>(List.of(PARTS + "/"));
        if ("file".equals(fs.getUri().getScheme())) {
            merge(parts);
            written.add(MERGED);
        }
        written.add(MANIFEST);
        return written;
    }

    /** Concatenates the parts in order, keeping the first part's header only. */
    private void merge(Path parts) throws IOException {
        FileStatus[] files = fs.listStatus(parts, path -> path.getName().startsWith("part-"));
        Arrays.sort(files, Comparator.comparing(status -> status.getPath().getName()));
        Path merged = new Path(dir, MERGED);
        Path partial = new Path(dir, "." + MERGED + ".partial");
        try (OutputStream out = fs.create(partial, true)) {
            boolean first = true;
            for (FileStatus part : files) {
                try (InputStream in = fs.open(part.getPath())) {
                    copy(in, out, !first);
                }
                first = false;
            }
        }
        fs.delete(merged, false);
        rename(partial, merged);
    }

    private void rename(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("cannot rename " + from + " to " + to);
        }
    }

    /** Copies a part, skipping its first line (the header) when asked. */
    private static void copy(InputStream in, OutputStream out, boolean skipHeader) throws IOException {
        java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(in, 1 << 16);
        if (skipHeader) {
            int b;
            while ((b = buffered.read()) >= 0 && b != '\n') {
                continue;
            }
        }
        buffered.transferTo(out);
    }

    /** Removes an attempt's parts if they are still there (the job failed before they were swapped in). */
    void discard(String attempt) {
        try {
            fs.delete(new Path(attempt), true);
        } catch (IOException ignored) {
            // the folder is left for the next run to replace; the job's own failure is what gets reported
        }
    }

    void writeManifest(RunManifest manifest) throws IOException {
        try (Writer out = new OutputStreamWriter(fs.create(new Path(dir, MANIFEST), true), StandardCharsets.UTF_8)) {
            ManifestWriter.write(manifest, out);
        }
    }

    String display() {
        return dir.toString();
    }
}
