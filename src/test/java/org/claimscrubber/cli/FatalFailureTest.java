package org.claimscrubber.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * A job that ran out of memory exits 6 with {@code run}'s sentence, however the error reaches the
 * command: caught directly, as the cause of a Spark job's failure, or named in the failure's
 * message (an executor in another JVM); Spark's refusal of a small heap is a setting to change
 * (exit 2), not an internal error.
 */
class FatalFailureTest {

    @Command(name = "failing")
    static final class Failing implements Callable<Integer> {
        private final Exception failure;

        Failing(Exception failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            throw failure;
        }
    }

    private record Outcome(int code, String err) {}

    private static Outcome run(Exception failure) {
        StringWriter err = new StringWriter();
        int code =
                Main.execute(
                        new Failing(failure),
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(err));
        return new Outcome(code, err.toString());
    }

    @Test
    void aTaskThatRanOutOfMemoryEndsTheJobWithRunsCodeAndSentence() {
        Outcome wrapped =
                run(
                        new IllegalStateException(
                                "Job aborted due to stage failure",
                                new RuntimeException(
                                        "task failed", new OutOfMemoryError("Java heap space"))));
        Outcome named =
                run(
                        new IllegalStateException(
                                "Job aborted due to stage failure: Task 3 failed 4 times, most"
                                        + " recent failure: Lost task 3.3: java.lang.OutOfMemoryError: Java heap space"));
        for (Outcome outcome : new Outcome[] {wrapped, named}) {
            assertThat(outcome.code()).isEqualTo(ExitCodes.OUT_OF_MEMORY);
            assertThat(outcome.err())
                    .contains("ran out of memory")
                    .doesNotContain("\tat ", "internal error");
        }
    }

    @Test
    void sparksRefusalOfASmallHeapIsASettingNotAFault() {
        Outcome outcome =
                run(
                        new IllegalArgumentException(
                                "[INVALID_DRIVER_MEMORY] System memory 167772160 must be at"
                                        + " least 471859200.\nPlease increase heap size using the --driver-memory option"));
        assertThat(outcome.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(outcome.err())
                .contains(
                        "System memory 167772160 must be at least 471859200", "--driver-memory 1g")
                .doesNotContain("\tat ");
    }

    @Test
    void anyOtherFaultIsStillAnInternalErrorWithItsTrace() {
        Outcome outcome = run(new IllegalStateException("a bug"));
        assertThat(outcome.code()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(outcome.err()).contains("internal error", "a bug");
    }
}
