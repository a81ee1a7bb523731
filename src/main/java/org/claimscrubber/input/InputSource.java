package org.claimscrubber.input;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One claim export to read: a file ({@code .csv}, or {@code .csv.gz} read through gzip), or
 * standard input.
 *
 * @param name how messages and reports name it (the path as given, or "(standard input)")
 * @param path the file, or null for standard input
 * @param size its size in bytes as stored, or -1 when unknown (standard input)
 */
public record InputSource(String name, Path path, long size, ReadOptions reading) {

    public InputSource(String name, Path path, long size) {
        this(name, path, size, ReadOptions.DETECT);
    }

    /** The same source, read with the given separator and column names. */
    public InputSource readWith(ReadOptions options) {
        return new InputSource(name, path, size, options);
    }

    public static final String STDIN = "-";

    /** How reports name standard input ("-" would be shown as '- in a spreadsheet-safe CSV). */
    public static final String STDIN_NAME = "(standard input)";

    public boolean gzip() {
        return name.endsWith(".gz");
    }

    public boolean stdin() {
        return path == null;
    }

    /** The bytes as stored (still compressed for a .gz file). */
    public InputStream open(InputStream standardInput) throws InputFileException {
        if (stdin()) {
            return standardInput;
        }
        if (!Files.exists(path)) {
            throw new InputFileException(name + ": no such file");
        }
        try {
            // FileInputStream, not Files.newInputStream: the latter's available() seeks, which a
            // FIFO or a process
            // substitution (run <(zcat x.gz)) cannot do.
            return new FileInputStream(path.toFile());
        } catch (IOException e) {
            throw new InputFileException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The sources named on the command line, in order: files as given, each directory's {@code
     * *.csv} and {@code *.csv.gz} files by name, and "-" for standard input (at most once).
     */
    public static List<InputSource> resolve(List<String> arguments) throws InputFileException {
        List<InputSource> sources = new ArrayList<>();
        boolean stdinSeen = false;
        for (String argument : arguments) {
            if (argument.equals(STDIN)) {
                if (stdinSeen) {
                    throw new InputFileException("-: standard input can be named only once");
                }
                stdinSeen = true;
                sources.add(new InputSource(STDIN_NAME, null, -1));
                continue;
            }
            Path path = Path.of(argument);
            if (Files.isDirectory(path)) {
                List<Path> files = exportsIn(path, argument);
                for (Path file : files) {
                    sources.add(file(file.toString(), file));
                }
            } else if (!Files.exists(path)) {
                throw new InputFileException(argument + ": no such file or directory");
            } else {
                sources.add(file(argument, path));
            }
        }
        return sources;
    }

    private static List<Path> exportsIn(Path dir, String argument) throws InputFileException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> exports =
                    files.filter(Files::isRegularFile)
                            .filter(
                                    file -> {
                                        String name = file.getFileName().toString();
                                        String lower = name.toLowerCase(Locale.ROOT);
                                        return !name.startsWith(".")
                                                && (lower.endsWith(".csv")
                                                        || lower.endsWith(".csv.gz"));
                                    })
                            .sorted()
                            .toList();
            if (exports.isEmpty()) {
                throw new InputFileException(
                        argument + ": directory holds no *.csv or *.csv.gz files");
            }
            return exports;
        } catch (IOException e) {
            throw new InputFileException(
                    argument + ": directory cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The files in the directories among {@code arguments} that a run passes over, each with why:
     * hidden files (a macOS {@code ._claims.csv}, an editor's {@code .claims.csv.swp}) and files
     * that are not exports.
     */
    public static List<String> skipped(List<String> arguments) {
        List<String> skipped = new ArrayList<>();
        for (String argument : arguments) {
            Path dir = Path.of(argument);
            if (argument.equals(STDIN) || !Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    String lower = name.toLowerCase(Locale.ROOT);
                    if (name.startsWith(".")) {
                        skipped.add(
                                file
                                        + ": skipped, a hidden file (macOS metadata or an editor's copy)");
                    } else if (!Files.isRegularFile(file)) {
                        skipped.add(file + ": skipped, not a file");
                    } else if (!lower.endsWith(".csv") && !lower.endsWith(".csv.gz")) {
                        skipped.add(file + ": skipped, not a .csv or .csv.gz file");
                    }
                }
            } catch (IOException e) {
                // resolve() reports a directory that cannot be read
            }
        }
        return skipped;
    }

    private static InputSource file(String name, Path path) throws InputFileException {
        try {
            return new InputSource(name, path, Files.size(path));
        } catch (IOException e) {
            throw new InputFileException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
