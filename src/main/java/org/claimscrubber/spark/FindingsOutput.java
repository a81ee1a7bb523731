package org.claimscrubber.spark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
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
import org.claimscrubber.history.HistoryRecorder;
import org.claimscrubber.report.Changes;
import org.claimscrubber.report.FindingsCsvWriter;
import org.claimscrubber.report.HtmlReport;
import org.claimscrubber.report.ManifestWriter;
import org.claimscrubber.report.ReportSink;
import org.claimscrubber.report.RunManifest;

/**
 * The job's output folder: {@code findings/} (CSV part files, each with the header), {@code
 * findings.csv} (the parts merged, when the folder is on the local file system) and {@code
 * run.json}, written last so that its presence marks a complete run. A job's result is staged whole
 * beside the folder's current one ({@link #stage}), then swapped in ({@link #swap}); a kill leaves
 * either the old result or, once staged, one the next job finishes putting in place ({@link
 * #recover}). A reader never takes old findings for the new run's: run.json goes first.
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
        fs.setWriteChecksum(
                false); // no .crc files beside findings.csv and run.json on a local folder
    }

    /** Where this run writes its parts before they are swapped in. */
    String attempt(String runId) {
        return new Path(dir, "_" + PARTS + "-" + runId).toString();
    }

    /** A partition's findings.csv lines after the header line, as each part file carries it. */
    static Iterator<String> withHeader(Iterator<String> lines) {
        String header = ShuffledPartitionTask.csvLine(FindingsCsvWriter.HEADER);
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

    /** The files a completed job leaves in the folder, as run.json lists them. */
    List<String> reports() {
        List<String> written = new ArrayList<>(List.of(PARTS + "/"));
        if (local()) {
            written.add(MERGED);
        }
        written.add(MANIFEST);
        return written;
    }

    private boolean local() {
        return "file".equals(fs.getUri().getScheme());
    }

    /**
     * Makes the attempt a complete result beside the folder's current one, touching nothing
     * current: its parts named as CSV files, merged into one findings.csv on a local folder, and
     * its run.json written last. Once that run.json is there the result is committed: a job killed
     * during the swap that follows is finished by the next job.
     */
    void stage(String attempt, String manifestJson) throws IOException {
        Path parts = new Path(attempt);
        // Spark names text parts part-00000; these are CSV files with a header, and say so.
        for (FileStatus part :
                fs.listStatus(
                        parts,
                        path ->
                                path.getName().startsWith("part-")
                                        && !path.getName().endsWith(".csv"))) {
            rename(part.getPath(), new Path(parts, part.getPath().getName() + ".csv"));
        }
        if (local()) {
            merge(parts, stagedMerged(attempt));
        }
        Path partial = new Path(attempt + ".run.json.partial");
        try (Writer out =
                new OutputStreamWriter(fs.create(partial, true), StandardCharsets.UTF_8)) {
            out.write(manifestJson);
        }
        rename(partial, stagedManifest(attempt));
    }

    /**
     * Puts a staged result in place of the current one. run.json goes first (the folder no longer
     * claims a complete result), then the files a {@code run} into the same folder left
     * (report.html beside a Spark run.json would describe another run), then the findings, and the
     * staged run.json last. Every step can be done again, so a swap cut short by a kill is finished
     * by {@link #recover()}.
     */
    void swap(String attempt) throws IOException {
        Path staged = stagedManifest(attempt);
        if (!fs.exists(staged)) {
            throw new IOException(attempt + " is not a complete result");
        }
        fs.delete(new Path(dir, MANIFEST), false);
        for (FileStatus file : fs.listStatus(dir, FindingsOutput::leftByRun)) {
            fs.delete(file.getPath(), false);
        }
        Path parts = new Path(attempt);
        if (fs.exists(parts)) {
            fs.delete(new Path(dir, PARTS), true);
            rename(parts, new Path(dir, PARTS));
        }
        Path merged = stagedMerged(attempt);
        if (fs.exists(merged)) {
            fs.delete(new Path(dir, MERGED), false);
            rename(merged, new Path(dir, MERGED));
        } else if (!local()) {
            fs.delete(new Path(dir, MERGED), false);
        }
        rename(staged, new Path(dir, MANIFEST));
    }

    /**
     * Run under the folder's lock before a job writes: finishes the swap of a result a killed job
     * had committed (its staged run.json is there), and removes what killed jobs left uncommitted
     * (attempt folders, partial files), which would otherwise stay forever. Returns the committed
     * results finished.
     */
    int recover() throws IOException {
        if (!fs.exists(dir)) {
            return 0;
        }
        int finished = 0;
        for (FileStatus file :
                fs.listStatus(
                        dir,
                        path ->
                                path.getName().startsWith("_" + PARTS + "-")
                                        && path.getName().endsWith(".run.json"))) {
            String name = file.getPath().getName();
            swap(new Path(dir, name.substring(0, name.length() - ".run.json".length())).toString());
            finished++;
        }
        for (FileStatus file :
                fs.listStatus(dir, path -> path.getName().startsWith("_" + PARTS + "-"))) {
            fs.delete(file.getPath(), true);
        }
        return finished;
    }

    /**
     * The reports of a local {@code run} (report.html, findings.json, the claim summary, the split
     * files...).
     */
    private static boolean leftByRun(Path path) {
        String name = path.getName();
        return name.equals(HtmlReport.FILE)
                || name.equals(ReportSink.FINDINGS_JSON)
                || name.equals(ReportSink.CLAIMS)
                || name.equals(Changes.FILE)
                || name.equals(HistoryRecorder.FILE)
                || (name.startsWith("clean-claims") || name.startsWith("held-claims"))
                        && name.endsWith(".csv");
    }

    private static Path stagedManifest(String attempt) {
        return new Path(attempt + ".run.json");
    }

    private static Path stagedMerged(String attempt) {
        return new Path(attempt + ".findings.csv");
    }

    /**
     * Concatenates the parts in order into {@code merged}, keeping the first part's header only.
     */
    private void merge(Path parts, Path merged) throws IOException {
        FileStatus[] files = fs.listStatus(parts, path -> path.getName().startsWith("part-"));
        Arrays.sort(files, Comparator.comparing(status -> status.getPath().getName()));
        Path partial = new Path(merged + ".partial");
        try (OutputStream out = fs.create(partial, true)) {
            boolean first = true;
            for (FileStatus part : files) {
                try (InputStream in = fs.open(part.getPath())) {
                    copy(in, out, !first);
                }
                first = false;
            }
        }
        rename(partial, merged);
    }

    private void rename(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("cannot rename " + from + " to " + to);
        }
    }

    /** Copies a part, skipping its first line (the header) when asked. */
    private static void copy(InputStream in, OutputStream out, boolean skipHeader)
            throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        if (skipHeader) {
            int b;
            while ((b = buffered.read()) >= 0 && b != '\n') {
                continue;
            }
        }
        buffered.transferTo(out);
    }

    /**
     * Removes an attempt's files if the job failed before it committed them (no staged run.json); a
     * committed attempt whose swap failed is left for the next job to finish.
     */
    void discard(String attempt) {
        try {
            if (fs.exists(stagedManifest(attempt))) {
                return;
            }
            fs.delete(new Path(attempt), true);
            fs.delete(stagedMerged(attempt), false);
            fs.delete(new Path(stagedMerged(attempt) + ".partial"), false);
            fs.delete(new Path(attempt + ".run.json.partial"), false);
        } catch (IOException ignored) {
            // the folder is left for the next run to replace; the job's own failure is what gets
            // reported
        }
    }

    /** run.json's text for a manifest. */
    static String json(RunManifest manifest) throws IOException {
        StringWriter text = new StringWriter();
        ManifestWriter.write(manifest, text);
        return text.toString();
    }

    String display() {
        return dir.toString();
    }
}
