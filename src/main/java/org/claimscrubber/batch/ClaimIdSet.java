package org.claimscrubber.batch;

/**
 * The claims a streaming pass has started, as 64-bit hashes of their ids in an open-addressing
 * table (16 bytes per claim at most). A claim id started twice means the input is not grouped by
 * claim; a hash collision can only claim that wrongly, which costs a partitioned pass, never a
 * wrong result.
 */
final class ClaimIdSet {

    private long[] slots = new long[1 << 16];
    private int size;

    /** Adds a claim id; returns false if it (or a colliding id) was there already. */
    boolean add(String claimId) {
        if (size * 2 >= slots.length) {
            grow();
        }
        boolean added = insert(slots, hash(claimId));
        if (added) {
            size++;
        }
        return added;
    }

    private static boolean insert(long[] table, long key) {
        int mask = table.length - 1;
        int i = (int) key & mask;
        while (table[i] != 0) {
            if (table[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = key;
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long key : old) {
            if (key != 0) {
                insert(slots, key);
            }
        }
    }

    /**
     * 64-bit FNV-1a over the id's characters, finished with MurmurHash3's mixer; never 0 (an empty
     * slot).
     */
    static long hash(String claimId) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < claimId.length(); i++) {
            hash ^= claimId.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash == 0 ? 1 : hash;
    }
}
