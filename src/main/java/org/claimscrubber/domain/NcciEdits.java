package org.claimscrubber.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CMS National Correct Coding Initiative edits a run applies, indexed by code so that a claim
 * line touches only its own codes (a quarterly PTP file has over a million pairs; they are never
 * rule facts): procedure-to-procedure pairs by Column 2 code, medically unlikely edits and add-on
 * code edits by code. One fact in every session; rules ask it about a line.
 */
public final class NcciEdits implements Cited {

    /**
     * A procedure-to-procedure edit: Column 2 is not paid with Column 1 on the same date (unless a
     * modifier bypasses).
     */
    public record PtpEdit(
            String column1,
            String column2,
            LocalDate effective,
            LocalDate deletion,
            char modifierIndicator,
            String rationale,
            String source) {
        public boolean inEffectOn(LocalDate date) {
            return (effective == null || !date.isBefore(effective))
                    && (deletion == null || date.isBefore(deletion));
        }
    }

    /**
     * A medically unlikely edit: at most {@code value} units; MAI 1 per line, 2 and 3 per date of
     * service.
     */
    public record MueEdit(
            String code, int value, int adjudicationIndicator, String rationale, String source) {

        /**
         * The line's units above a line edit (MAI 1): "5 units of 0352T on one line; its MUE is 1
         * (...)".
         */
        public String onLine(ClaimLine line) {
            return line.units()
                    + " units of "
                    + code
                    + " on one line; its MUE is "
                    + value
                    + " (adjudication indicator 1, line edit; "
                    + rationale
                    + ")";
        }

        /**
         * The units on the line's date above a date-of-service edit (MAI 2 or 3), and what the
         * indicator means.
         */
        public String onDate(ClaimLine line) {
            return line.unitsOnItsDate()
                    + " units of "
                    + code
                    + " on "
                    + line.dateOfService()
                    + "; its MUE is "
                    + value
                    + (adjudicationIndicator == 2
                            ? " (adjudication indicator 2: a policy limit, absolute; "
                            : " (adjudication indicator 3: a clinical limit; an appeal with documentation of medical necessity"
                                    + " may succeed; ")
                    + rationale
                    + ")";
        }

        /**
         * The units above the MUE, on the line or on its date, for a payer not known to apply NCCI.
         */
        public String forOtherPayer(ClaimLine line, boolean onOneLine) {
            return (onOneLine
                            ? line.units() + " units on one line"
                            : line.unitsOnItsDate() + " units on " + line.dateOfService())
                    + " of "
                    + code
                    + "; its MUE is "
                    + value
                    + ". Most commercial payers apply NCCI edits; check this payer's policy";
        }
    }

    /**
     * An add-on code edit: the add-on is paid only with one of its primaries (type 1), or
     * contractors add others.
     */
    public record AocEdit(String addOn, List<String> primaries, int type, String source) {}

    /**
     * A PTP edit a line breaks: this line is Column 2, {@code column1} the line of the claim it is
     * bundled into.
     */
    public record PtpConflict(PtpEdit edit, ClaimLine column1) {}

    /**
     * The NCCI-associated modifiers of the NCCI Policy Manual, chapter I, that bypass an
     * indicator-1 edit on any code: 59 and its X{EPSU} subsets, 27, and the global surgery
     * modifiers 58, 78, 79.
     */
    private static final Set<String> NCCI_ASSOCIATED =
            Set.of("59", "XE", "XP", "XS", "XU", "27", "58", "78", "79");

    /**
     * Global surgery modifiers that describe an E/M service, and bypass only on an E/M code: 24,
     * 25, 57.
     */
    private static final Set<String> ON_EVALUATION_AND_MANAGEMENT = Set.of("24", "25", "57");

    /** Repeat clinical diagnostic laboratory test: bypasses only on a laboratory code. */
    private static final String REPEAT_LAB_TEST = "91";

    /** Anatomic modifiers: on both lines and different, they show different sites. */
    private static final Set<String> ANATOMIC =
            Set.of(
                    "RT", "LT", "E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6",
                    "F7", "F8", "F9", "TA", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9",
                    "LC", "LD", "RC", "LM", "RI");

    private final String release;

    /** Column 2 code, then Column 1 code: a line looks up only the codes its claim has. */
    private final Map<String, Map<String, List<PtpEdit>>> byColumn2;

    private final Map<String, MueEdit> mues;
    private final Map<String, AocEdit> aocs;
    private final int ptpCount;

    /**
     * Every code in a PTP edit (either column) and every add-on and listed primary: what the edits
     * cover.
     */
    private final Set<String> ptpCodes;

    private final Set<String> addOnCodes;

    public NcciEdits(String release, List<PtpEdit> ptp, List<MueEdit> mue, List<AocEdit> aoc) {
        this.release = release;
        Map<String, Map<String, List<PtpEdit>>> pairs = new HashMap<>();
        for (PtpEdit edit : ptp) {
            if (edit.modifierIndicator() != '9') { // 9: not applicable, never fires
                pairs.computeIfAbsent(edit.column2(), k -> new HashMap<>(4))
                        .computeIfAbsent(edit.column1(), k -> new ArrayList<>(1))
                        .add(edit);
            }
        }
        this.byColumn2 = pairs;
        this.ptpCount = ptp.size();
        Set<String> inPtp = new HashSet<>();
        ptp.forEach(
                edit -> {
                    inPtp.add(edit.column1());
                    inPtp.add(edit.column2());
                });
        this.ptpCodes = inPtp;
        Map<String, MueEdit> units = new HashMap<>();
        mue.forEach(edit -> units.put(edit.code(), edit));
        this.mues = units;
        Map<String, AocEdit> addOns = new HashMap<>();
        aoc.forEach(
                edit ->
                        addOns.merge(
                                edit.addOn(),
                                edit,
                                (a, b) -> {
                                    List<String> primaries = new ArrayList<>(a.primaries());
                                    primaries.addAll(b.primaries());
                                    return new AocEdit(
                                            a.addOn(),
                                            primaries,
                                            Math.min(a.type(), b.type()),
                                            a.source());
                                }));
        this.aocs = addOns;
        Set<String> inAoc = new HashSet<>(addOns.keySet());
        addOns.values().forEach(edit -> inAoc.addAll(edit.primaries()));
        this.addOnCodes = inAoc;
    }

    /**
     * True when a loaded PTP edit names the code in either column: the PTP check had data for it.
     */
    public boolean hasPtpData(String code) {
        return ptpCodes.contains(code);
    }

    /** True when the loaded add-on edits name the code as an add-on or a primary. */
    public boolean hasAddOnData(String code) {
        return addOnCodes.contains(code);
    }

    /**
     * These edits with the PTP or MUE edits of loaded CMS files in place of the curated ones of
     * that kind.
     */
    public NcciEdits replacedBy(
            List<PtpEdit> ptp, List<MueEdit> mue, List<AocEdit> aoc, String loadedRelease) {
        List<PtpEdit> pairs = ptp.isEmpty() ? allPtp() : ptp;
        List<MueEdit> units = mue.isEmpty() ? List.copyOf(mues.values()) : mue;
        List<AocEdit> addOns = aoc.isEmpty() ? List.copyOf(aocs.values()) : aoc;
        return new NcciEdits(loadedRelease + "; otherwise " + release, pairs, units, addOns);
    }

    private List<PtpEdit> allPtp() {
        List<PtpEdit> all = new ArrayList<>();
        byColumn2.values().forEach(byColumn1 -> byColumn1.values().forEach(all::addAll));
        return all;
    }

    public String release() {
        return release;
    }

    public int ptpCount() {
        return ptpCount;
    }

    public int mueCount() {
        return mues.size();
    }

    public int aocCount() {
        return aocs.size();
    }

    // ---- PTP ----

    /**
     * True when the line, as Column 2, is bundled into another line of its claim on the same date.
     */
    public boolean hasPtpConflict(ClaimLine line) {
        return byColumn2.containsKey(line.procedureCode()) && !ptpConflicts(line).isEmpty();
    }

    /**
     * The edits the line breaks as Column 2, each with the first line of the claim (in claim order)
     * that bills its Column 1 code on the same date without a bypass. The claim's few lines are
     * looked up in the line's edits, not the other way round: a code can be Column 2 of hundreds of
     * pairs.
     */
    public List<PtpConflict> ptpConflicts(ClaimLine line) {
        Map<String, List<PtpEdit>> byColumn1 = byColumn2.get(line.procedureCode());
        if (byColumn1 == null) {
            return List.of();
        }
        List<PtpConflict> conflicts = List.of();
        for (ClaimLine column1 : line.claim().lines()) {
            List<PtpEdit> edits = column1 == line ? null : byColumn1.get(column1.procedureCode());
            if (edits == null || !column1.dateOfService().equals(line.dateOfService())) {
                continue;
            }
            for (PtpEdit edit : edits) {
                if (edit.inEffectOn(line.dateOfService())
                        && !bypassed(edit, column1, line)
                        && !found(conflicts, edit)) {
                    if (conflicts.isEmpty()) {
                        conflicts = new ArrayList<>(1);
                    }
                    conflicts.add(new PtpConflict(edit, column1));
                }
            }
        }
        return conflicts;
    }

    private static boolean found(List<PtpConflict> conflicts, PtpEdit edit) {
        for (PtpConflict conflict : conflicts) {
            if (conflict.edit() == edit) {
                return true;
            }
        }
        return false;
    }

    /**
     * Indicator 1: an NCCI-associated modifier on either line (25 and 57 on an E/M line only, 91 on
     * a laboratory line only), or anatomic modifiers showing different sites.
     */
    private static boolean bypassed(PtpEdit edit, ClaimLine column1, ClaimLine column2) {
        if (edit.modifierIndicator() != '1') {
            return false;
        }
        if (bypassesOn(column2) || bypassesOn(column1)) {
            return true;
        }
        List<String> sites1 = column1.modifiers().stream().filter(ANATOMIC::contains).toList();
        List<String> sites2 = column2.modifiers().stream().filter(ANATOMIC::contains).toList();
        return !sites1.isEmpty() && !sites2.isEmpty() && !sites1.equals(sites2);
    }

    private static boolean bypassesOn(ClaimLine line) {
        for (String modifier : line.modifiers()) {
            if (NCCI_ASSOCIATED.contains(modifier)
                    || ON_EVALUATION_AND_MANAGEMENT.contains(modifier)
                            && ServiceKinds.isEvaluationAndManagement(line.procedureCode())
                    || REPEAT_LAB_TEST.equals(modifier)
                            && ServiceKinds.isLaboratory(line.procedureCode())) {
                return true;
            }
        }
        return false;
    }

    // ---- MUE ----

    public MueEdit mue(String code) {
        return mues.get(code);
    }

    /** MAI 1: the line's own units above the MUE. */
    public boolean exceedsOnLine(ClaimLine line) {
        MueEdit edit = mues.get(line.procedureCode());
        return edit != null && edit.adjudicationIndicator() == 1 && line.units() > edit.value();
    }

    /**
     * MAI 2 and 3: the units of the code on the date over the claim, on the first line of that
     * service.
     */
    public boolean exceedsOnDate(ClaimLine line) {
        MueEdit edit = mues.get(line.procedureCode());
        return edit != null
                && edit.adjudicationIndicator() != 1
                && line.isFirstOfItsService()
                && line.unitsOnItsDate() > edit.value();
    }

    // ---- AOC ----

    public boolean hasAddOnEdit(String code) {
        return aocs.containsKey(code);
    }

    public AocEdit aoc(String code) {
        return aocs.get(code);
    }

    /**
     * True when the line is an add-on whose listed primaries are all missing from its claim on its
     * date.
     */
    public boolean lacksPrimary(ClaimLine line) {
        AocEdit edit = aocs.get(line.procedureCode());
        if (edit == null || edit.primaries().isEmpty()) {
            return false;
        }
        for (String primary : edit.primaries()) {
            if (line.hasOnItsDate(primary)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String citation() {
        return "CMS NCCI edits, " + release;
    }

    @Override
    public String toString() {
        return "NCCI edits ("
                + release
                + ": "
                + ptpCount
                + " PTP, "
                + mues.size()
                + " MUE, "
                + aocs.size()
                + " AOC)";
    }
}
