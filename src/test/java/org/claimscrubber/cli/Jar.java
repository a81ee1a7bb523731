package org.claimscrubber.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged jar as a user would: {@code java -jar target/claim-scrubber.jar ...}. */
public final class Jar {

    public static final Path JAR = Path.of("target/claim-scrubber.jar").toAbsolutePath();

    /** What a run printed and how it exited. */
    public record Result(int exitCode, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    private static final Path ISOLATED_CACHE = Path.of("target", "it-cache").toAbsolutePath();

    private Jar() {}

    public static Result run(Path workingDir, String... args)
            throws IOException, InterruptedException {
        return run(workingDir, Map.of(), args);
    }

    /** Runs the jar with extra environment variables (e.g. XDG_CACHE_HOME for the rules cache). */
    static Result run(Path workingDir, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> javaArguments = new ArrayList<>(List.of("-jar", JAR.toString()));
        javaArguments.addAll(List.of(args));
        return java(workingDir, environment, javaArguments);
    }

    /**
     * Runs {@code java} with the given arguments (a class path and a main class, say) in a folder.
     */
    public static Result java(
            Path workingDir, Map<String, String> environment, List<String> javaArguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaArguments);
        Path out = Files.createTempFile("jar-out", ".txt");
        Path err = Files.createTempFile("jar-err", ".txt");
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(workingDir.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile());
        // The rules cache goes to a folder of the build's own, never the user's ~/.cache.
        builder.environment().put("XDG_CACHE_HOME", ISOLATED_CACHE.toString());
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the jar did not finish: " + command);
            }
            return new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    public static Result run(String... args) throws IOException, InterruptedException {
        return run(Path.of("").toAbsolutePath(), args);
    }
}
