package org.claimscrubber;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.cli.Main;

/**
 * The command line in this JVM, as the jar's main runs it, with what it printed (for tests that
 * need no jar).
 */
public final class Cli {

    private Cli() {}

    /** What a command returned and printed. */
    public record Result(int exitCode, String out, String err) {}

    /**
     * {@code run} with the shipped rules and seeds, as of {@link Shipped#TODAY}, into {@code out};
     * {@code more} are the inputs and any further options.
     */
    public static Result scrub(String out, String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "run",
                                "--rules",
                                "rules",
                                "--seeds",
                                "seeds",
                                "--as-of",
                                Shipped.TODAY.toString(),
                                "--out",
                                out));
        args.addAll(List.of(more));
        return execute(args.toArray(String[]::new));
    }

    public static Result execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }
}
