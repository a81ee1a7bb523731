package org.claimscrubber.domain;

/** How a related CPT code relates to the document's procedure, as read by interpretations.csv. */
public enum Relationship {
    /** The related code is the surgery the procedure is performed during: expected the same day. */
    SAME_SESSION,
    /** The procedure is an add-on to the related code. */
    ADD_ON_PRIMARY,
    /** Stated in the document, but no interpretation row reads it as a checkable relationship. */
    UNCLASSIFIED
}
