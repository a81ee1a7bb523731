package org.claimscrubber.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.claimscrubber.report.ReportFiles;

/**
 * The output folder's lock, held for the whole job, so two jobs (or a job and a {@code run}) into
 * one {@code --out} cannot leave one's run.json beside the other's findings. On a local folder it
 * is the lock {@code run} takes (an OS lock on {@value ReportFiles#LOCK}, released by the OS if the
 * job is killed); on a Hadoop file system it is that file created exclusively, naming the job, and
 * removed when the job ends: a job killed outright leaves it, and the next job refuses, saying
 * which file to remove once no job is running.
 */
final class JobLock implements AutoCloseable {

    /** The folder is locked by another job or run. */
    static final class Busy extends IOException {
        private static final long serialVersionUID = 1L;

        Busy(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock local;
    private final FileSystem fs;
    private final Path remote;

    private JobLock(FileChannel channel, FileLock local, FileSystem fs, Path remote) {
        this.channel = channel;
        this.local = local;
        this.fs = fs;
        this.remote = remote;
    }

    static JobLock take(String out, Configuration conf, String jobId) throws IOException {
        Path dir = InputPaths.literal(out);
        FileSystem fs = dir.getFileSystem(conf);
        fs.mkdirs(dir);
        Path lockFile = new Path(dir, ReportFiles.LOCK);
        if ("file".equals(dir.toUri().getScheme())) {
            java.nio.file.Path file = java.nio.file.Path.of(lockFile.toUri());
            FileChannel channel =
                    FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new Busy(
                        out
                                + ": another job or run is writing this folder; wait for it, or give --out another"
                                + " folder");
            }
            return new JobLock(channel, lock, null, null);
        }
        try (OutputStream stream = fs.create(lockFile, false)) {
            stream.write(
                    ("job " + jobId + " since " + Instant.now() + "\n")
                            .getBytes(StandardCharsets.UTF_8));
        } catch (FileAlreadyExistsException e) {
            throw new Busy(
                    out
                            + ": another job holds "
                            + lockFile
                            + "; wait for it, or remove that file if no job is"
                            + " running (a job killed outright leaves it)");
        }
        return new JobLock(null, null, fs, lockFile);
    }

    /**
     * Releases the lock; a lock that cannot be removed is left (the next job then says which file
     * it is).
     */
    @Override
    public void close() {
        try {
            if (local != null) {
                local.release();
                channel.close();
            }
            if (remote != null) {
                fs.delete(remote, false);
            }
        } catch (IOException e) {
            // the OS releases a local lock with the process; a remote lock file left names itself
            // to the next job
        }
    }
}
