package org.claimscrubber.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The jar's entry point. {@code run} gets a JVM of its own with the heap it needs ({@value #HEAP})
 * and the throughput collector when the user gave no heap option: {@code java -jar} would otherwise
 * let G1 grow the heap towards a quarter of the machine's memory (measured on 5M nightly-like
 * lines: 1.1 GB resident and 16.6 s with the defaults, 0.6 GB and 14.7 s with these; at 1M lines
 * 7.3 s against 6.0 s; at 20M 0.8 GB resident). A heap option given to {@code java} (-Xmx,
 * -XX:MaxRAMPercentage, ...) is the user's choice and is kept: the run then stays in this JVM with
 * the user's settings. Other commands are short and always stay.
 */
public final class Launcher {

    /**
     * Enough for a night's run with a full-size CMS PTP file loaded (measured: 5M lines, peak heap
     * 478 MB), and small enough that the process stays under 1 GB resident at 20M lines (measured
     * 0.8 GB; 1g gave 1.0 GB).
     */
    static final String HEAP = "768m";

    /** Set in the JVM the launcher starts, so that it does not start another. */
    static final String LAUNCHED = "claimscrubber.launched";

    private Launcher() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 0 || !args[0].equals("run") || System.getProperty(LAUNCHED) != null) {
            Main.main(args);
            return;
        }
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (heapGiven(jvm)
                || heapGiven(
                        List.of(String.valueOf(System.getenv("JAVA_TOOL_OPTIONS")).split("\\s+")))
                || debugged(jvm)
                || namesADescriptor(args)) {
            Main.main(args);
            return;
        }
        System.exit(runInOwnJvm(jvm, args));
    }

    /**
     * An input named by an open file descriptor ({@code run <(zcat x.gz)} passes {@code
     * /dev/fd/63}) exists only in this process: a child JVM does not inherit it (issue 21: exit 3,
     * "no such file"), so the run stays here.
     */
    static boolean namesADescriptor(String[] args) {
        for (String argument : args) {
            if (argument.startsWith("/dev/fd/")
                    || argument.startsWith("/proc/self/fd/")
                    || argument.equals("/dev/stdin")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A debugger is attached to this JVM (its port is taken here): the run stays where it is being
     * debugged.
     */
    static boolean debugged(List<String> jvmArguments) {
        return jvmArguments.stream()
                .anyMatch(
                        argument ->
                                argument.startsWith("-agentlib:jdwp")
                                        || argument.startsWith("-Xrunjdwp"));
    }

    /**
     * Memory beside the heap a run may take: half the machine's. The claim history's index of
     * earlier nights lives there (about 800 MB at 30 nights of 5 million lines, more than the
     * heap); without the option the JVM would allow only as much as the heap. "0" (no limit set)
     * when the machine's memory is unknown.
     */
    static String directMemory(long physicalBytes) {
        return physicalBytes <= 0 ? "0" : (physicalBytes / 2 >> 20) + "m";
    }

    private static long physicalMemory() {
        return ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize()
                : 0;
    }

    static boolean heapGiven(List<String> jvmArguments) {
        for (String argument : jvmArguments) {
            String option = argument.toLowerCase(Locale.ROOT);
            if (option.startsWith("-xmx")
                    || option.startsWith("-xx:maxheapsize")
                    || option.startsWith("-xx:maxram")
                    || option.startsWith("-xx:initialrampercentage")
                    || option.startsWith("-xx:maxrampercentage")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the command in a child JVM that shares this one's standard streams (standard input
     * included, for {@code -}), and exits with its code. Stopping this JVM (SIGTERM, Ctrl-C) stops
     * the child first, which then removes its temporary files as a run stopped directly does; the
     * child stops too if this JVM is killed.
     */
    private static int runInOwnJvm(List<String> jvmArguments, String[] args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + HEAP);
        // A batch run wants throughput, not short pauses: the parallel collector, measured faster
        // than G1 here.
        command.add("-XX:+UseParallelGC");
        command.add("-XX:MaxDirectMemorySize=" + directMemory(physicalMemory()));
        command.addAll(jvmArguments);
        command.add("-D" + LAUNCHED + "=" + ProcessHandle.current().pid());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).inheritIO().start();
        Thread stopChild =
                new Thread(
                        () -> {
                            child.destroy();
                            try {
                                child.waitFor();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "claim-scrubber-stop-run");
        Runtime.getRuntime().addShutdownHook(stopChild);
        int code = child.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stopChild);
        } catch (IllegalStateException shuttingDown) {
            // this JVM is stopping (SIGTERM): the hook has stopped the child, and the exit code is
            // the signal's
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
            ProcessHandle.of(Long.parseLong(launcher))
                    .ifPresentOrElse(
                            parent ->
                                    parent.onExit().thenRun(() -> System.exit(ExitCodes.INTERNAL)),
                            () -> System.exit(ExitCodes.INTERNAL));
        } catch (NumberFormatException ignored) {
            // not set by the launcher: nothing to follow
        }
    }
}
