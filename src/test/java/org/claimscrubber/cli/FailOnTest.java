package org.claimscrubber.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.claimscrubber.Cli;
import org.claimscrubber.ExportBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the scheduler sees: --fail-on input exits 1 on input trouble only, not on a normal night's
 * held claims.
 */
class FailOnTest {

    @TempDir Path dir;

    @Test
    void inputFailsOnlyWhenARowCouldNotBeRead() throws Exception {
        Path heldButReadable =
                Files.writeString(
                        dir.resolve("held.csv"),
                        ExportBuilder.claims().line("C1", 1, "0753T").diagnoses("C18.9").csv());
        Cli.Result normalNight =
                Cli.execute(
                        "run",
                        "--as-of",
                        "2026-11-24",
                        "--fail-on",
                        "input",
                        "--out",
                        dir.resolve("a").toString(),
                        heldButReadable.toString());
        assertThat(normalNight.exitCode())
                .as("an ERROR holds the claim; the input was fine")
                .isZero();
        assertThat(normalNight.out())
                .as("one claim, said so; the folder in full")
                .contains(
                        "held: 1 claim (hold policy",
                        "charges held: $0.00",
                        "reports: " + dir.resolve("a").toAbsolutePath());
        assertThat(
                        Cli.execute(
                                        "run",
                                        "--as-of",
                                        "2026-11-24",
                                        "--fail-on",
                                        "error",
                                        "--out",
                                        dir.resolve("b").toString(),
                                        heldButReadable.toString())
                                .exitCode())
                .isEqualTo(1);

        Cli.Result brokenRow =
                Cli.execute(
                        "run",
                        "--as-of",
                        "2026-11-24",
                        "--fail-on",
                        "input",
                        "--out",
                        dir.resolve("c").toString(),
                        "samples/export/claims.csv");
        assertThat(brokenRow.exitCode())
                .as("CLM-1010's date 2026-11-31 cannot be read")
                .isEqualTo(1);
    }

    @Test
    void anUnknownPolicyIsASentence() throws Exception {
        Cli.Result result =
                Cli.execute("run", "--fail-on", "sometimes", "samples/export/claims.csv");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .contains("--fail-on takes error, warning or input, not 'sometimes'")
                .doesNotContain("Exception");
    }
}
