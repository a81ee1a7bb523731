package org.claimscrubber.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.claimscrubber.Shipped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command of the README's five-minute tour, run through the jar in the order the README
 * gives, in a folder laid out as a checkout (its rules, seeds and samples): a command the README
 * shows never goes stale.
 */
class ReadmeTourIT {

    @TempDir Path checkout;

    @Test
    void everyTourCommandRunsAsTheReadmeSays() throws Exception {
        Shipped.copyRules(
                checkout.resolve("rules")); // copied: rules are walked without following links
        Files.createSymbolicLink(checkout.resolve("seeds"), Path.of("seeds").toAbsolutePath());
        Files.createSymbolicLink(checkout.resolve("samples"), Path.of("samples").toAbsolutePath());
        Files.createDirectories(checkout.resolve("target"));
        Files.createSymbolicLink(checkout.resolve("target/claim-scrubber.jar"), Jar.JAR);
        List<String> commands = tourCommands();
        assertThat(commands).hasSizeGreaterThanOrEqualTo(5);
        for (String command : commands) {
            String[] words = command.split("\\s+");
            assertThat(words[0] + " " + words[1] + " " + words[2])
                    .isEqualTo("java -jar target/claim-scrubber.jar");
            String[] args = Arrays.copyOfRange(words, 3, words.length);
            Jar.Result result = Jar.run(checkout, args);
            assertThat(result.exitCode()).as(command + "\n" + result.all()).isZero();
        }
        assertThat(checkout.resolve("reports/report.html")).exists();
        assertThat(checkout.resolve("reports/split/clean-claims.csv")).exists();
        assertThat(checkout.resolve("reports/after/changes.csv")).exists();
        assertThat(checkout.resolve("reports/night/since-last-run.csv")).exists();
        assertThat(checkout.resolve("reports/history.db")).exists();
    }

    /** The java -jar lines of the tour's code block. */
    private static List<String> tourCommands() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String tour = readme.substring(readme.indexOf("## A five-minute tour"));
        tour =
                tour.substring(
                        tour.indexOf("```sh") + 5, tour.indexOf("```", tour.indexOf("```sh") + 5));
        List<String> commands = new ArrayList<>();
        for (String line : tour.split("\n")) {
            if (line.startsWith("java -jar")) {
                commands.add(line.strip());
            }
        }
        return commands;
    }
}
