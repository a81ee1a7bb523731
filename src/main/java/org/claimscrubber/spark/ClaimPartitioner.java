package org.claimscrubber.spark;

import org.apache.spark.Partitioner;

/**
 * Sends every row of a claim to the same partition (by claim id), so a claim is evaluated whole,
 * once.
 */
final class ClaimPartitioner extends Partitioner {

    private static final long serialVersionUID = 1L;

    private final int partitions;

    ClaimPartitioner(int partitions) {
        this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        ClaimKey claim = (ClaimKey) key;
        int hash = claim.ownClaim() ? Long.hashCode(claim.position()) : claim.claimId().hashCode();
        return Math.floorMod(hash, partitions);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClaimPartitioner that && that.partitions == partitions;
    }

    @Override
    public int hashCode() {
        return partitions;
    }
}
