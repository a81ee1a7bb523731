package org.claimscrubber.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import org.claimscrubber.bench.SyntheticExport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code generate}: a synthetic claim export, the same for the same seed. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description =
                "Write a synthetic claim export (realistic mix, about 2%% deliberate defects) for benchmarks,"
                        + " load tests and demos. The same --seed gives the same file; OUT ending in .gz is gzipped.")
final class GenerateCommand implements Callable<Integer> {

    @Option(
            names = "--lines",
            paramLabel = "N",
            required = true,
            description = "Claim lines to write")
    long lines;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "Random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Parameters(paramLabel = "OUT", description = "The file to write")
    Path out;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (lines < 0) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--lines must be 0 or more");
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (OutputStream file = Files.newOutputStream(out);
                OutputStream stream =
                        out.toString().endsWith(".gz")
                                ? new GZIPOutputStream(file, 1 << 16)
                                : file;
                Writer writer =
                        new BufferedWriter(
                                new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16)) {
            SyntheticExport.write(lines, seed, writer);
        }
        spec.commandLine().getErr().printf("wrote %,d lines to %s%n", lines, out);
        return ExitCodes.OK;
    }
}
