package org.claimscrubber.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What earlier nights' runs recorded, as the rules ask it ({@code global
 * org.claimscrubber.domain.ClaimHistory history;}): was this service already sent clean under
 * another claim, and when was the patient's last service of a code with a frequency limit. A run
 * without {@code --history} gets {@link #NONE}, which knows nothing: its rules stay silent and the
 * run counts the lines as not checked, never as passed.
 *
 * <p>Patients are known only by a keyed hash of their id ({@link ClaimLine#patientKey()}); a line
 * without one is not checked.
 */
public final class ClaimHistory {

    /**
     * Where the answers come from: the history store of the run (see the {@code history} package).
     */
    public interface Lookup {

        /**
         * The latest service an earlier run forwarded clean with the same patient, date of service,
         * code, modifiers ({@link ClaimLine#modifierKey()}) and rendering NPI under a claim id
         * other than {@code claimId}, or null.
         */
        PriorService cleanService(
                String patientKey,
                LocalDate dateOfService,
                String procedureCode,
                String modifiers,
                String renderingNpi,
                String claimId);

        /**
         * The patient's latest service among {@code codes} that an earlier run forwarded clean,
         * dated before {@code before}, under a claim id other than {@code claimId}, or null.
         */
        PriorService lastService(
                String patientKey, Set<String> codes, LocalDate before, String claimId);
    }

    /** The history of a run without one: nothing is known, nothing is checked. */
    public static final ClaimHistory NONE = new ClaimHistory(null, List.of());

    /**
     * Claim frequency codes (837 CLM05-3) that replace (7) or void (8) an earlier claim: never
     * duplicates.
     */
    private static final Set<String> REPLACES_OR_VOIDS = Set.of("7", "8");

    private final Lookup lookup;

    /**
     * The limits by the code they limit: FREQ-001 asks for every line, so the answer is one map
     * lookup.
     */
    private final Map<String, List<FrequencyLimit>> limits;

    public ClaimHistory(Lookup lookup, List<FrequencyLimit> limits) {
        this.lookup = lookup;
        this.limits =
                limits.stream()
                        .collect(
                                Collectors.groupingBy(
                                        FrequencyLimit::code,
                                        Collectors.collectingAndThen(
                                                Collectors.toList(), List::copyOf)));
    }

    /**
     * True when the line can be checked against earlier nights: a history is kept and the line
     * names its patient.
     */
    public boolean checks(ClaimLine line) {
        return lookup != null && !line.patientKey().isEmpty() && line.dateOfService() != null;
    }

    /**
     * The earlier clean service this line repeats under another claim id, or null. A replacement or
     * void of a claim (frequency code 7 or 8) repeats its services on purpose and is never a
     * duplicate.
     */
    public PriorService duplicateOf(ClaimLine line) {
        if (!checks(line) || REPLACES_OR_VOIDS.contains(frequencyCode(line))) {
            return null;
        }
        return lookup.cleanService(
                line.patientKey(),
                line.dateOfService(),
                line.procedureCode(),
                line.modifierKey(),
                line.renderingNpi(),
                line.claimId());
    }

    /** The limits on the line's code, from the seeds and the policy tables. */
    public List<FrequencyLimit> limitsOn(ClaimLine line) {
        return limits.getOrDefault(line.procedureCode(), List.of());
    }

    /** The earlier service that makes this line too soon under {@code limit}, or null. */
    public PriorService tooSoon(ClaimLine line, FrequencyLimit limit) {
        if (!checks(line) || REPLACES_OR_VOIDS.contains(frequencyCode(line))) {
            return null;
        }
        PriorService last =
                lookup.lastService(
                        line.patientKey(),
                        Set.copyOf(limit.countedCodes()),
                        line.dateOfService(),
                        line.claimId());
        return last != null && limit.tooSoon(last.dateOfService(), line.dateOfService())
                ? last
                : null;
    }

    /**
     * The earlier service of the same code that makes this line too soon when the code is paid
     * again only after {@code fullMonths} full months following the month of the last one (a payer
     * policy table's frequency_full_months), or null.
     */
    public PriorService tooSoonAfter(ClaimLine line, int fullMonths) {
        return tooSoon(
                line,
                new FrequencyLimit(
                        line.procedureCode(), List.of(line.procedureCode()), "", fullMonths, ""));
    }

    /**
     * "sent clean on claim C-17, scrubbed 2026-11-02, for the same patient, date, code, modifiers
     * and provider".
     */
    public static String duplicateMessage(ClaimLine line, PriorService prior) {
        return line.procedureCode()
                + " on "
                + line.dateOfService()
                + " was already sent clean "
                + prior.where()
                + ", for the same patient, code, modifiers and rendering provider: a duplicate claim (CARC 18);"
                + " send a replacement (frequency code 7) if this claim corrects it";
    }

    /**
     * "77067 on 2026-10-05 is too soon: the last 77067 was on 2026-02-10 (...); payable again from
     * 2027-02-01".
     */
    public static String tooSoonMessage(ClaimLine line, FrequencyLimit limit, PriorService last) {
        return line.procedureCode()
                + " on "
                + line.dateOfService()
                + " is too soon: the patient's last "
                + last.procedureCode()
                + " was on "
                + last.dateOfService()
                + " ("
                + last.where()
                + "); "
                + limit.payer()
                + " pays it again only after "
                + limit.fullMonths()
                + " full months following that month, from "
                + limit.payableFrom(last.dateOfService());
    }

    private static String frequencyCode(ClaimLine line) {
        String code = line.field("claim_frequency_code");
        return code == null ? "" : code.strip();
    }
}
