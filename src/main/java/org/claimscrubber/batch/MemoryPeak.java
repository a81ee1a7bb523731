package org.claimscrubber.batch;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.claimscrubber.report.RunManifest;

/**
 * Peak memory of this process: the peak of the total used Java heap, and the resident set's
 * high-water mark (Linux). The heap peak is the largest sum over all heap pools just before a
 * collection (from the JVM's GC notifications) or now, so it is a moment's total, not the sum of
 * each pool's own peak (which overstates: pools peak at different moments).
 */
final class MemoryPeak {

    private static final AtomicLong PEAK_HEAP = new AtomicLong();
    private static final Set<String> HEAP_POOLS =
            ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP)
                    .map(MemoryPoolMXBean::getName)
                    .collect(Collectors.toSet());

    static {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(
                        (notification, handback) -> {
                            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                                    .equals(notification.getType())) {
                                GarbageCollectionNotificationInfo info =
                                        GarbageCollectionNotificationInfo.from(
                                                (CompositeData) notification.getUserData());
                                long before = 0;
                                for (var pool :
                                        info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
                                    // the map has metaspace and code cache too
                                    if (HEAP_POOLS.contains(pool.getKey())) {
                                        before += pool.getValue().getUsed();
                                    }
                                }
                                PEAK_HEAP.accumulateAndGet(before, Math::max);
                            }
                        },
                        null,
                        null);
            }
        }
    }

    private MemoryPeak() {}

    /** Starts watching (the first call registers the GC listeners); call at the start of a run. */
    static void watch() {
        PEAK_HEAP.accumulateAndGet(heapUsed(), Math::max);
    }

    static RunManifest.Resources peak(int threads) {
        long heap = PEAK_HEAP.accumulateAndGet(heapUsed(), Math::max);
        return new RunManifest.Resources(threads, heap, residentHighWaterMark(), heapLimit());
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
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

    /**
     * The heap limit as set (-Xmx, or the launcher's): {@code Runtime.maxMemory()} leaves out a
     * survivor space under the parallel collector, so it reports less than was asked for.
     */
    private static long heapLimit() {
        try {
            return Long.parseLong(
                    ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                            .getVMOption("MaxHeapSize")
                            .getValue());
        } catch (RuntimeException notHotSpot) {
            return Runtime.getRuntime().maxMemory();
        }
    }
}
