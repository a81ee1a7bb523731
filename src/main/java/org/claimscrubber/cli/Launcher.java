package org.claimscrubber.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The jar's entry point. {@code run} gets a JVM of its own with the heap it needs ({@value #HEAP}) when the user
 * gave no heap option: {@code java -jar} would otherwise let the collector grow the heap towards a quarter of the
 * machine's memory (measured: 1.1 GB resident at 5M lines, against 0.6 GB with 1 GB of heap, at the same speed).
 * A heap option given to {@code java} (-Xmx, -XX:MaxRAMPercentage, ...) is the user's choice and is kept: the run
 * then stays in this JVM. Other commands are short and always stay.
 */
public final class Launcher {

    /** Enough for a night's run with the full CMS edit files loaded (measured peak heap 0.6 GB), bounded. */
    static final String HEAP = "1g";
    /** Set in the JVM the launcher starts, so that it does not start another. */
    static final String LAUNCHED = "claimscrubber.launched";

    private Launcher() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 0 || !args[0].equals("run") || System.getProperty(LAUNCHED) != null) {
            Main.main(args);
            return;
        }
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (heapGiven(jvm) || heapGiven(List.of(String.valueOf(System.getenv("JAVA_TOOL_OPTIONS")).split("\\s+")))) {
            Main.main(args);
            return;
        }
        System.exit(runInOwnJvm(jvm, args));
    }

    static boolean heapGiven(List<String> jvmArguments) {
        for (String argument : jvmArguments) {
            String option = argument.toLowerCase(Locale.ROOT);
            if (option.startsWith("-xmx") || option.startsWith("-xx:maxheapsize") || option.startsWith("-xx:maxram")
                    || option.startsWith("-xx:initialrampercentage") || option.startsWith("-xx:maxrampercentage")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the command in a child JVM that shares this one's standard streams (standard input included, for
     * {@code -}), and exits with its code. Stopping this JVM (SIGTERM, Ctrl-C) stops the child first, which then
     * removes its temporary files as a run stopped directly does; the child stops too if this JVM is killed.
     */
    private static int runInOwnJvm(List<String> jvmArguments, String[] args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + HEAP);
        command.addAll(jvmArguments);
        command.add("-D" + LAUNCHED + "=" + ProcessHandle.current().pid());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).inheritIO().start();
        Thread stopChild = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "claim-scrubber-stop-run");
        Runtime.getRuntime().addShutdownHook(stopChild);
        int code = child.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stopChild);
        } catch (IllegalStateException shuttingDown) {
            // this JVM is stopping (SIGTERM): the hook has stopped the child, and the exit code is the signal's
        }
        return code;
    }

    /** In the child: if the launcher is killed (kill -9), stop as a run stopped by SIGTERM does. */
    static void followLauncher() {
        String launcher = System.getProperty(LAUNCHED);
        if (launcher == null) {
            return;
        }
        try {
            ProcessHandle.of(Long.parseLong(launcher)).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> System.exit(ExitCodes.INTERNAL)),
                    () -> System.exit(ExitCodes.INTERNAL));
        } catch (NumberFormatException ignored) {
            // not set by the launcher: nothing to follow
        }
    }
}
