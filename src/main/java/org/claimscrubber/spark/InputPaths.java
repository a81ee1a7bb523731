package org.claimscrubber.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.claimscrubber.input.InputFileException;

/**
 * The job's inputs on any Hadoop file system (local, HDFS, S3): files as given, each directory's {@code *.csv}
 * and {@code *.csv.gz} files by name, and glob patterns ({@code s3a://bucket/claims/2026-11-2*.csv.gz}), in order.
 */
final class InputPaths {

    private InputPaths() {
    }

    static List<InputPath> resolve(List<String> arguments, Configuration conf) throws InputFileException {
        List<InputPath> inputs = new ArrayList<>();
        for (String argument : arguments) {
            try {
                Path path = new Path(argument);
                FileSystem fs = path.getFileSystem(conf);
                FileStatus[] matched = fs.globStatus(path);
                if (matched == null || matched.length == 0) {
                    throw new InputFileException(argument + ": no such file or directory");
                }
                boolean glob = matched.length > 1 || !matched[0].getPath().getName().equals(path.getName());
                for (FileStatus status : matched) {
                    if (status.isDirectory()) {
                        addDirectory(fs, status, argument, inputs);
                    } else {
                        String name = glob ? status.getPath().toString() : argument;
                        inputs.add(new InputPath(inputs.size(), name, status.getPath().toString(), status.getLen()));
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new InputFileException(argument + ": cannot be listed: " + e.getMessage(), e);
            }
        }
        return inputs;
    }

    private static void addDirectory(FileSystem fs, FileStatus dir, String argument, List<InputPath> inputs)
            throws IOException, InputFileException {
        FileStatus[] children = fs.listStatus(dir.getPath());
        List<FileStatus> exports = Arrays.stream(children)
                .filter(FileStatus::isFile)
                .filter(child -> child.getPath().getName().endsWith(".csv") || child.getPath().getName().endsWith(".csv.gz"))
                .sorted(Comparator.comparing(child -> child.getPath().getName()))
                .toList();
        if (exports.isEmpty()) {
            throw new InputFileException(argument + ": directory holds no *.csv or *.csv.gz files");
        }
        String prefix = argument.endsWith("/") ? argument : argument + "/";
        for (FileStatus export : exports) {
            inputs.add(new InputPath(inputs.size(), prefix + export.getPath().getName(), export.getPath().toString(),
                    export.getLen()));
        }
    }
}
