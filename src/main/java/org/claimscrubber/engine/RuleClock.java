package org.claimscrubber.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A time limit on evaluating one chunk of claims. A rule that loops forever (a {@code while} in a
 * consequence, a function that never returns) cannot be stopped from outside its thread, and would
 * hang the nightly batch (issue 21). A watchdog looks at the evaluations under way once a second;
 * one past the limit ends the process with exit code 2 and one sentence naming the rule it is stuck
 * in (read from the stuck thread's stack: Drools compiles each rule into a class named after it).
 * Nothing is written: the old report is kept, temporary files are removed.
 */
public final class RuleClock {

    /**
     * Exit code of a run stopped by the limit: a rule that cannot be used, like one that does not
     * compile.
     */
    static final int EXIT_CODE = 2;

    /**
     * The limit unless run says otherwise: far above any real chunk's evaluation (milliseconds).
     */
    public static final String DEFAULT_SECONDS = "300";

    private static volatile long limitNanos =
            TimeUnit.SECONDS.toNanos(Long.parseLong(DEFAULT_SECONDS));
    private static final Map<Thread, Long> STARTED = new ConcurrentHashMap<>();
    private static volatile List<RuleMetadata> catalogue = List.of();
    private static Thread watchdog;

    private RuleClock() {}

    /** Sets the limit for one chunk's evaluation (run --rule-time-limit). */
    public static void setLimit(long seconds) {
        limitNanos = TimeUnit.SECONDS.toNanos(seconds);
    }

    static synchronized void start(List<RuleMetadata> rules) {
        catalogue = rules;
        STARTED.put(Thread.currentThread(), System.nanoTime());
        if (watchdog == null) {
            watchdog = new Thread(RuleClock::watch, "claim-scrubber-rule-clock");
            watchdog.setDaemon(true);
            watchdog.start();
        }
    }

    static void stop() {
        STARTED.remove(Thread.currentThread());
    }

    private static void watch() {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Map.Entry<Thread, Long> running : STARTED.entrySet()) {
                if (now - running.getValue() > limitNanos) {
                    System.err.println(
                            "error: "
                                    + overrun(running.getKey())
                                    + "; the run was stopped and no report"
                                    + " was written (the old one is unchanged). Fix the rule, or give more time with"
                                    + " --rule-time-limit SECONDS");
                    System.err.flush();
                    System.exit(EXIT_CODE);
                }
            }
        }
    }

    /** What the stuck thread is doing, in words: the rule whose compiled class is on its stack. */
    static String overrun(Thread thread) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(limitNanos);
        for (StackTraceElement frame : thread.getStackTrace()) {
            String simple =
                    frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1);
            for (RuleMetadata rule : catalogue) {
                if (simple.startsWith("Rule_" + rule.ruleName().replaceAll("[^A-Za-z0-9_]", "_"))) {
                    return "rule "
                            + rule.id()
                            + " (\""
                            + rule.ruleName()
                            + "\", "
                            + rule.location()
                            + ") ran for more"
                            + " than "
                            + seconds
                            + " s on one chunk of claims: it does not end (a loop?)";
                }
            }
        }
        return "the rules ran for more than "
                + seconds
                + " s on one chunk of claims without ending (a loop in a"
                + " rule's condition or function?)";
    }
}
