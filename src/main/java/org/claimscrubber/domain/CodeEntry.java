package org.claimscrubber.domain;

/** A code in a code set, with its label, whether it may be billed, and where that was read. */
public record CodeEntry(String code, String label, boolean billable, String source) {}
