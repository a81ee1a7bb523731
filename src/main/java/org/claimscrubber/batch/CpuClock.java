package org.claimscrubber.batch;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the current thread, for the per-stage timings in run.json. Stages share the cores, so
 * the time a stage's thread spends waiting for a core is not the stage's cost; its CPU time is.
 */
final class CpuClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean SUPPORTED = THREADS.isCurrentThreadCpuTimeSupported();

    private CpuClock() {}

    /** Nanoseconds of CPU this thread has used (wall time where the JVM cannot tell). */
    static long now() {
        return SUPPORTED ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
