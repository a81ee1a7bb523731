package org.claimscrubber.spark;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A local-mode job's own scratch folder for Spark's shuffle and spill files ({@code
 * spark.local.dir}), which hold claim rows, patient ids among them. Spark's default is {@code
 * /tmp/blockmgr-*}, readable by anyone and never removed after a kill. Here the folders live under
 * one parent only the user may enter, one per job, each with a lock file the job holds while it
 * runs; a job removes its own at the end, and the next job removes those a killed job left (their
 * locks are free). On a cluster the executors' folders are the cluster manager's (YARN's are
 * per-application and removed with it), and this is not used.
 */
final class ScratchDir implements AutoCloseable {

    private final Path dir;
    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;

    private ScratchDir(Path dir, Path lockFile, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
    }

    /** The parent for this user: {@code <java.io.tmpdir>/claim-scrubber-spark-<user>}. */
    static Path defaultParent() {
        return Path.of(
                System.getProperty("java.io.tmpdir"),
                "claim-scrubber-spark-"
                        + System.getProperty("user.name", "user")
                                .replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /**
     * Creates the job's folder under {@code parent} (created owner-only, and made so if it is not),
     * after removing what killed jobs left there.
     */
    static ScratchDir open(Path parent, String jobId) throws IOException {
        if (!Files.isDirectory(parent)) {
            try {
                Files.createDirectories(
                        parent,
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException raced) {
                // another job made it
            }
        }
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwx------"));
        removeLeftovers(parent);
        Path lockFile = parent.resolve(jobId + ".lock");
        FileChannel channel =
                FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock();
        Path dir = Files.createDirectories(parent.resolve(jobId));
        return new ScratchDir(dir, lockFile, channel, lock);
    }

    Path dir() {
        return dir;
    }

    /**
     * The folders and locks of jobs that no longer run: a lock this process can take belongs to no
     * live job.
     */
    private static void removeLeftovers(Path parent) throws IOException {
        List<Path> locks;
        try (Stream<Path> files = Files.list(parent)) {
            locks = files.filter(f -> f.getFileName().toString().endsWith(".lock")).toList();
        }
        for (Path lockFile : locks) {
            String jobId = lockFile.getFileName().toString().replaceAll("\\.lock$", "");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
                FileLock free = channel.tryLock();
                if (free == null) {
                    continue; // a job in another process is running
                }
                try {
                    deleteTree(parent.resolve(jobId));
                    Files.deleteIfExists(lockFile);
                } finally {
                    free.release();
                }
            } catch (OverlappingFileLockException thisProcess) {
                // a job of this JVM holds it
            } catch (NoSuchFileException gone) {
                // removed by another job meanwhile
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * Removes the job's folder and releases its lock; what cannot be removed now, the next job
     * removes.
     */
    @Override
    public void close() {
        try {
            deleteTree(dir);
            Files.deleteIfExists(lockFile);
        } catch (IOException e) {
            // left for the next job, whose lock check finds it free
        } finally {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // the lock goes with the channel, and with the process
            }
        }
    }
}
