package org.claimscrubber.batch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.claimscrubber.report.RunManifest;

/** Peak memory of this process so far: the Java heap's peak, and the resident set's high-water mark (Linux). */
final class Resources {

    private Resources() {
    }

    static RunManifest.Resources peak(int threads) {
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        return new RunManifest.Resources(threads, heap, residentHighWaterMark(), Runtime.getRuntime().maxMemory());
    }

    /** VmHWM from /proc/self/status, in bytes; -1 where there is no /proc. */
    private static long residentHighWaterMark() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
