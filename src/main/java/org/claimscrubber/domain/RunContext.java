package org.claimscrubber.domain;

import java.time.LocalDate;

/**
 * Facts about the run itself that rules may join with, e.g. today's date for dates of service in
 * the future.
 */
public record RunContext(LocalDate today) {}
