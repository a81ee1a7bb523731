package org.claimscrubber.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.claimscrubber.input.InputFileException;

/**
 * The job's inputs on any Hadoop file system (local, HDFS, S3): files as given, each directory's
 * {@code *.csv} and {@code *.csv.gz} files by name, in order. A name is a path, read literally:
 * {@code claims[1].csv} is that file, not {@code claims1.csv}, and {@code nightly
 * 2026-11-24T02:00.csv} is a local file name, not a URI. Glob patterns ({@code
 * s3a://bucket/claims/2026-11-2*.csv.gz}) only with {@code --glob}.
 */
final class InputPaths {

    private InputPaths() {}

    /** A URI with a scheme (s3a://, hdfs://, file:/), as opposed to a local file name. */
    private static final Pattern URI = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:/.*");

    static List<InputPath> resolve(List<String> arguments, Configuration conf)
            throws InputFileException {
        return resolve(arguments, conf, false);
    }

    /**
     * @param glob read the arguments as glob patterns (--glob) instead of literal paths
     */
    static List<InputPath> resolve(List<String> arguments, Configuration conf, boolean glob)
            throws InputFileException {
        List<InputPath> inputs = new ArrayList<>();
        for (String argument : arguments) {
            try {
                Path path = literal(argument);
                FileSystem fs = path.getFileSystem(conf);
                FileStatus[] matched;
                if (glob) {
                    matched = fs.globStatus(new Path(argument));
                } else {
                    matched = fs.exists(path) ? new FileStatus[] {fs.getFileStatus(path)} : null;
                }
                if (matched == null || matched.length == 0) {
                    throw new InputFileException(argument + ": no such file or directory");
                }
                boolean several =
                        glob
                                && (matched.length > 1
                                        || !matched[0].getPath().getName().equals(path.getName()));
                for (FileStatus status : matched) {
                    if (status.isDirectory()) {
                        addDirectory(fs, status, argument, inputs);
                    } else {
                        String name = several ? status.getPath().toString() : argument;
                        inputs.add(
                                new InputPath(
                                        inputs.size(),
                                        name,
                                        status.getPath().toString(),
                                        status.getLen()));
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new InputFileException(argument + ": cannot be listed: " + e.getMessage(), e);
            }
        }
        return inputs;
    }

    /**
     * The path a name gives, taken literally: a URI with a scheme as Hadoop parses it, a local name
     * (which may hold ':', '[', '?', spaces) through a file URI, so no character of it is read as a
     * pattern or a scheme.
     */
    static Path literal(String argument) {
        if (URI.matcher(argument).matches()) {
            return new Path(argument);
        }
        return new Path(java.nio.file.Path.of(argument).toAbsolutePath().normalize().toUri());
    }

    private static void addDirectory(
            FileSystem fs, FileStatus dir, String argument, List<InputPath> inputs)
            throws IOException, InputFileException {
        FileStatus[] children = fs.listStatus(dir.getPath());
        List<FileStatus> exports =
                Arrays.stream(children)
                        .filter(FileStatus::isFile)
                        .filter(
                                child ->
                                        child.getPath().getName().endsWith(".csv")
                                                || child.getPath().getName().endsWith(".csv.gz"))
                        .sorted(Comparator.comparing(child -> child.getPath().getName()))
                        .toList();
        if (exports.isEmpty()) {
            throw new InputFileException(argument + ": directory holds no *.csv or *.csv.gz files");
        }
        String prefix = argument.endsWith("/") ? argument : argument + "/";
        for (FileStatus export : exports) {
            inputs.add(
                    new InputPath(
                            inputs.size(),
                            prefix + export.getPath().getName(),
                            export.getPath().toString(),
                            export.getLen()));
        }
    }
}
