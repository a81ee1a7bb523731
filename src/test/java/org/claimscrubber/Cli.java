package org.claimscrubber;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.claimscrubber.cli.Main;

/**
 * The command line in this JVM, as the jar's main runs it, with what it printed (for tests that
 * need no jar).
 */
public final class Cli {

    private Cli() {}

    /** What a command returned and printed. */
    public record Result(int exitCode, String out, String err) {}

    public static Result execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(exit, out.toString(), err.toString());
    }
}
