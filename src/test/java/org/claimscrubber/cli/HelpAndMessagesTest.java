package org.claimscrubber.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Help prints without picocli warnings; option errors are sentences, never a Java exception's text.
 */
class HelpAndMessagesTest {

    private record Result(int code, String text) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintStream systemErr = System.err;
        ByteArrayOutputStream traced = new ByteArrayOutputStream();
        System.setErr(
                new PrintStream(
                        traced, true, StandardCharsets.UTF_8)); // picocli's own warnings go here
        try {
            int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
            return new Result(
                    code, out + "\n" + err + "\n" + traced.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(systemErr);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--help",
                "-h",
                "help",
                "help run",
                "generate --help",
                "run --help",
                "bench --help"
            })
    void helpPrintsWithoutWarnings(String args) {
        Result result = run(args.split(" "));
        assertThat(result.code()).isZero();
        assertThat(result.text()).contains("Usage:").doesNotContain("WARN", "Format specifier");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11/25/2026x", "2026-13-01", "tomorrow"})
    void aBadDateIsASentence(String date) {
        Result result = run("run", "--as-of", date, "samples/export/claims.csv");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.text())
                .contains("is not a date; write 2026-11-25 or 11/25/2026")
                .doesNotContain("Exception", "java.time");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11/25/2026", "2026-11-25"})
    void dateOptionsTakeTheExportsFormats(String date) {
        assertThat(new DateOption().convert(date)).hasToString("2026-11-25");
    }
}
