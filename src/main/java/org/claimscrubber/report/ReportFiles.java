package org.claimscrubber.report;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Set;
import org.claimscrubber.files.WorkFiles;

/**
 * The report files of one run, written under temporary names and renamed into place only when the
 * run completes: the old run.json goes first and the new one comes last, so a folder holding a
 * run.json always holds a complete, consistent report, and an interrupted run leaves only
 * ".partial" files.
 */
public final class ReportFiles implements Closeable {

    public static final String MANIFEST = "run.json";

    /**
     * Held for the whole run: two runs writing one folder would delete and overwrite each other's
     * files.
     */
    public static final String LOCK = ".claim-scrubber.lock";

    private final Path dir;
    private final Set<String> names = new LinkedHashSet<>();
    private final FileChannel lockChannel;
    private final FileLock lock;
    private boolean committed;

    /**
     * @param wait wait for another run writing the folder to finish, instead of refusing at once
     */
    public ReportFiles(Path dir, boolean wait) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        this.lockChannel =
                FileChannel.open(
                        dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock acquired;
        try {
            acquired = wait ? lockChannel.lock() : lockChannel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            acquired = null;
        }
        if (acquired == null) {
            lockChannel.close();
            throw new ReportFolderBusyException(dir);
        }
        this.lock = acquired;
        WorkFiles.removeStale(
                dir); // left by a run that was killed (its process is gone); we hold the folder now
        removeStalePartials();
    }

    /**
     * Holding the lock, any ".partial" report here is from a run that was killed: it may hold
     * patient rows.
     */
    private void removeStalePartials() throws IOException {
        try (var entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")
                        && name.endsWith(".partial")
                        && Files.isRegularFile(entry)) {
                    Files.deleteIfExists(entry);
                }
            }
        }
    }

    /** Another run holds the report folder. */
    public static final class ReportFolderBusyException extends IOException {
        ReportFolderBusyException(Path dir) {
            super(
                    "another claim-scrubber run is writing to "
                            + dir
                            + "; wait for it to finish (or run with --wait),"
                            + " or give this run its own --out folder");
        }
    }

    /**
     * A writer for report {@code name} (opening it again starts it afresh); it lands on {@link
     * #commit()}.
     */
    public Writer open(String name) throws IOException {
        return new BufferedWriter(
                new OutputStreamWriter(openStream(name), StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * A byte stream for report {@code name}, for rows forwarded as stored. Like every report it is
     * written under a temporary name, created owner-only and exclusively (issue 21: a planted link
     * must not receive patient rows).
     */
    public OutputStream openStream(String name) throws IOException {
        names.add(name);
        WorkFiles.register(partial(name)); // removed if the run is killed before it commits
        return new BufferedOutputStream(WorkFiles.createExclusive(partial(name)), 1 << 16);
    }

    public Path dir() {
        return dir;
    }

    public void commit() throws IOException {
        Files.deleteIfExists(dir.resolve(MANIFEST));
        for (String name : names) {
            if (!name.equals(MANIFEST)) {
                move(name);
            }
        }
        if (names.contains(MANIFEST)) {
            move(MANIFEST);
        }
        committed = true;
    }

    private void move(String name) throws IOException {
        Files.move(
                partial(name),
                dir.resolve(name),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        WorkFiles.keep(partial(name));
    }

    /**
     * Where a report being written lies until {@link #commit()} (to read a closed one back, e.g. to
     * compare).
     */
    public Path written(String name) {
        return partial(name);
    }

    private Path partial(String name) {
        return dir.resolve("." + name + ".partial");
    }

    /** Removes the temporary files of a run that did not complete, and lets the folder go. */
    @Override
    public void close() throws IOException {
        try {
            if (!committed) {
                for (String name : names) {
                    WorkFiles.delete(partial(name));
                }
            }
        } finally {
            lock.release();
            lockChannel.close();
        }
    }
}
