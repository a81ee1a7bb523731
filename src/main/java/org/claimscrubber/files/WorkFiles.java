package org.claimscrubber.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The temporary files a run keeps in the report folder (spooled standard input, copied pipes,
 * partitions): they hold patient rows, so they are created owner-only, removed by a shutdown hook
 * when the run is killed (SIGTERM, Ctrl-C, a rule calling System.exit), and removed by a later run
 * when the process that made them (its id is in their name) is gone, as after kill -9.
 */
public final class WorkFiles {

    /** {@code .stdin-PID.csv}, {@code .pipe-PID-N}, {@code .partitions-PID}. */
    private static final Pattern NAME =
            Pattern.compile("^\\.(?:stdin|pipe|partitions)-(\\d+)(?:[-.].*)?$");

    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> LIVE.forEach(WorkFiles::deleteQuietly),
                                "claim-scrubber-cleanup"));
    }

    private WorkFiles() {}

    /** A temporary file's path for this process, registered for removal on exit. */
    public static Path path(Path dir, String kind, String suffix) {
        Path path = dir.resolve("." + kind + "-" + ProcessHandle.current().pid() + suffix);
        LIVE.add(path);
        return path;
    }

    /**
     * Registers a file to be removed if the process exits before {@link #delete} or {@link #keep}.
     */
    public static void register(Path path) {
        LIVE.add(path);
    }

    /** Forgets a registered file that has become a report (renamed into place). */
    public static void keep(Path path) {
        LIVE.remove(path);
    }

    /**
     * Creates an empty owner-only file (rw-------), where the file system has POSIX permissions.
     */
    public static void createFile(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        if (posix(file.getParent())) {
            Files.createFile(
                    file,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    /**
     * Creates {@code file} afresh, owner-only (rw-------), and opens it for writing. The file must
     * not exist when it is created (CREATE_NEW, links not followed): a link planted at its name,
     * dangling or not, makes this fail instead of sending patient rows to the link's target.
     * Whatever was at the name before is removed first (a link itself, never its target).
     */
    public static OutputStream createExclusive(Path file) throws IOException {
        Files.deleteIfExists(file);
        Set<OpenOption> options =
                Set.of(
                        StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
        SeekableByteChannel channel =
                posix(file.getParent())
                        ? Files.newByteChannel(
                                file,
                                options,
                                PosixFilePermissions.asFileAttribute(
                                        PosixFilePermissions.fromString("rw-------")))
                        : Files.newByteChannel(file, options);
        return Channels.newOutputStream(channel);
    }

    /** Creates an owner-only folder (rwx------). */
    public static void createDirectory(Path dir) throws IOException {
        Files.createDirectories(dir.getParent());
        deleteTree(dir); // this process's own, from an earlier run in the same JVM
        if (posix(dir.getParent())) {
            Files.createDirectory(
                    dir,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(dir);
        }
    }

    /** Removes a temporary file or folder now, and forgets it. */
    public static void delete(Path path) throws IOException {
        try {
            deleteTree(path);
        } finally {
            LIVE.remove(path);
        }
    }

    /** Removes temporary files in {@code dir} whose process no longer runs; returns how many. */
    public static int removeStale(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                Matcher name = NAME.matcher(entry.getFileName().toString());
                if (name.matches()
                        && ProcessHandle.of(Long.parseLong(name.group(1)))
                                .map(p -> !p.isAlive())
                                .orElse(true)) {
                    deleteTree(entry);
                    removed++;
                }
            }
        }
        return removed;
    }

    private static boolean posix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path file : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            deleteTree(path);
        } catch (IOException | RuntimeException ignored) {
            // the JVM is exiting; a later run removes what is left (removeStale)
        }
    }
}
