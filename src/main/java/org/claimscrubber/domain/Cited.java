package org.claimscrubber.domain;

/** A fact a finding can rest on, with how the finding cites it. */
public interface Cited {

    String citation();
}
