package org.claimscrubber.history;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which earlier nights may hold a 64-bit key (a forwarded service, a claim id): every night's keys
 * in one table, bucketed by the key's top bits, so a question costs one or two cache lines however
 * many nights there are.
 *
 * <p>Why: the keys were kept as one sorted array a night, and every line searched each of them; at
 * 30 nights of a million lines that was 30 binary searches a line, 12 s of the rule worker's time
 * (more than the database questions themselves). Here a key's bucket is its top {@code bits} bits;
 * a bucket holds, newest night first, a 16-bit fingerprint (the key's next 16 bits) and the night,
 * in one int each: the same 4 bytes a key as before.
 *
 * <p>Both arrays live outside the heap (direct buffers): at 30 nights of 5 million lines they are
 * about 800 MB, more than the run's own heap, and the launcher lets direct memory grow beyond it
 * ({@code -XX:MaxDirectMemorySize}). A history too large for the memory allowed is refused in one
 * sentence when the run opens it.
 *
 * <p>A fingerprint can match by chance (about one key in 8,000 asked at the table's fill): that
 * costs one indexed query of the night's table, never a finding, since the query compares the
 * values themselves.
 */
final class NightIndex {

    /** Keys a bucket holds on average: a bucket of ints stays within a cache line or two. */
    private static final int AVERAGE_BUCKET = 8;

    /** Nights are numbered in 16 bits. */
    static final int MAX_NIGHTS = 1 << 16;

    private final int bits;

    /** Where each bucket starts in {@link #entries}; one more than the buckets. */
    private final IntBuffer starts;

    /** Per key: its fingerprint in the upper 16 bits, its night in the lower 16. */
    private final IntBuffer entries;

    private NightIndex(int bits, IntBuffer starts, IntBuffer entries) {
        this.bits = bits;
        this.starts = starts;
        this.entries = entries;
    }

    /**
     * A night's keys as its blob stores them: spread, sorted and without repeats, 8 bytes a key.
     * Sorted by their spread value, a night's keys fall into the buckets in order: building the
     * index walks memory forward instead of jumping about (4 s a run at 30 nights of a million
     * lines when the blobs held the keys as they come).
     */
    static byte[] pack(long[] keys) {
        long[] spread = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            spread[i] = spread(keys[i]);
        }
        Arrays.parallelSort(spread);
        ByteBuffer out = ByteBuffer.allocate(spread.length * Long.BYTES);
        for (int i = 0; i < spread.length; i++) {
            if (i == 0 || spread[i] != spread[i - 1]) {
                out.putLong(spread[i]);
            }
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    /**
     * Builds the index from each night's keys, newest first, as {@link #pack} stored them. Reads
     * each night's keys twice (to count, then to place), so the nights are not all held at once.
     */
    static NightIndex of(int nights, Nights packed) throws SQLException {
        if (nights > MAX_NIGHTS) {
            throw new TooLarge("it holds more than " + MAX_NIGHTS + " nights");
        }
        long total = 0;
        for (int night = 0; night < nights; night++) {
            total += packed.bytes(night) / Long.BYTES;
        }
        if (total > MAX_KEYS) {
            throw new TooLarge(
                    String.format(
                            "its earlier nights hold %,d keys, more than one index holds (%,d);"
                                    + " keep fewer nights (--history-keep)",
                            total, MAX_KEYS));
        }
        int bits = 1;
        while (bits < 30 && (1L << bits) * AVERAGE_BUCKET < total) {
            bits++;
        }
        int buckets = 1 << bits;
        IntBuffer starts = direct(buckets + 1L, total);
        for (int night = 0; night < nights; night++) {
            LongBuffer keys = ByteBuffer.wrap(packed.keys(night)).asLongBuffer();
            while (keys.hasRemaining()) {
                int next = bucket(keys.get(), bits) + 1;
                starts.put(next, starts.get(next) + 1);
            }
        }
        for (int i = 1; i <= buckets; i++) {
            starts.put(i, starts.get(i) + starts.get(i - 1));
        }
        // each bucket's start serves as its cursor while the keys are placed, and ends as the next
        // bucket's start: shifted back by one after, with no second array of cursors
        IntBuffer entries = direct(total, total);
        for (int night = 0; night < nights; night++) {
            LongBuffer keys = ByteBuffer.wrap(packed.keys(night)).asLongBuffer();
            while (keys.hasRemaining()) {
                long key = keys.get();
                int bucket = bucket(key, bits);
                int at = starts.get(bucket);
                entries.put(at, (fingerprint(key, bits) << 16) | night);
                starts.put(bucket, at + 1);
            }
        }
        for (int i = buckets - 1; i > 0; i--) {
            starts.put(i, starts.get(i - 1));
        }
        starts.put(0, 0);
        return new NightIndex(bits, starts, entries);
    }

    /** The most keys an index holds: its entries are one direct buffer, at most 2 GB. */
    static final long MAX_KEYS = Integer.MAX_VALUE / Integer.BYTES;

    /**
     * Zeroed ints outside the heap; the JVM's limit on direct memory is a sentence, not a crash.
     */
    private static IntBuffer direct(long ints, long keys) {
        try {
            return ByteBuffer.allocateDirect(Math.toIntExact(ints * Integer.BYTES))
                    .order(ByteOrder.nativeOrder())
                    .asIntBuffer();
        } catch (OutOfMemoryError e) {
            throw new TooLarge(
                    String.format(
                            "its earlier nights' %,d keys need %,d MB of memory beside the heap,"
                                    + " more than this JVM allows (-XX:MaxDirectMemorySize)",
                            keys, (keys * 9 / 2) >> 20));
        }
    }

    /** A history whose keys do not fit one index or the memory allowed: the message says which. */
    static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    /** Each night's packed keys, by its number (0 the newest). */
    interface Nights {
        /** The length of {@link #keys}, without reading them. */
        long bytes(int night) throws SQLException;

        byte[] keys(int night) throws SQLException;
    }

    /** The nights, newest first, whose keys may include {@code key}; empty for most keys. */
    List<Integer> nightsOf(long key) {
        long spread = spread(key);
        int bucket = bucket(spread, bits);
        int fingerprint = fingerprint(spread, bits);
        List<Integer> nights = List.of();
        int end = starts.get(bucket + 1);
        for (int i = starts.get(bucket); i < end; i++) {
            int entry = entries.get(i);
            if (entry >>> 16 == fingerprint) {
                if (nights.isEmpty()) {
                    nights = new ArrayList<>(2);
                }
                int night = entry & 0xFFFF;
                if (!nights.contains(night)) {
                    nights.add(night);
                }
            }
        }
        return nights;
    }

    /** How many keys the index holds. */
    int size() {
        return entries.capacity();
    }

    /** The bucket of a spread key: its top {@code bits} bits. */
    private static int bucket(long spread, int bits) {
        return (int) (spread >>> (64 - bits));
    }

    /** The fingerprint of a spread key: the 16 bits after its bucket's. */
    private static int fingerprint(long spread, int bits) {
        return (int) ((spread << bits) >>> 48);
    }

    /**
     * The key with its bits mixed (the 64-bit finalizer of MurmurHash3, a bijection): FNV-1a keys
     * of ids that differ in their last characters (T000000001, T000000002, ...) differ little in
     * their top bits, which pick the bucket and the fingerprint.
     */
    static long spread(long key) {
        key ^= key >>> 33;
        key *= 0xff51afd7ed558ccdL;
        key ^= key >>> 33;
        key *= 0xc4ceb9fe1a85ec53L;
        key ^= key >>> 33;
        return key;
    }
}
