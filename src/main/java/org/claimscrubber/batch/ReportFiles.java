package org.claimscrubber.batch;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The report files of one run, written under temporary names and renamed into place only when the run
 * completes: the old run.json goes first and the new one comes last, so a folder holding a run.json
 * always holds a complete, consistent report, and an interrupted run leaves only ".partial" files.
 */
final class ReportFiles implements Closeable {

    static final String MANIFEST = "run.json";

    private final Path dir;
    private final Set<String> names = new LinkedHashSet<>();
    private boolean committed;

    ReportFiles(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
    }

    /** A writer for report {@code name} (opening it again starts it afresh); it lands on {@link #commit()}. */
    Writer open(String name) throws IOException {
        names.add(name);
        return Files.newBufferedWriter(partial(name), StandardCharsets.UTF_8);
    }

    Path dir() {
        return dir;
    }


    void commit() throws IOException {
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
        Files.move(partial(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    private Path partial(String name) {
        return dir.resolve("." + name + ".partial");
    }

    /** Removes the temporary files of a run that did not complete. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            for (String name : names) {
                Files.deleteIfExists(partial(name));
            }
        }
    }
}
