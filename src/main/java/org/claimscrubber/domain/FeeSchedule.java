package org.claimscrubber.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Medicare physician fee schedule indicators the modifier and code-status edits need, per
 * procedure code: the PC/TC indicator (may 26 and TC split it?), the bilateral surgery indicator
 * (what modifier 50 does), and the status (D: deleted). From the PPRRVU file a user gives with
 * {@code --reference} (the user's file: codes and indicators only, never its descriptors), else the
 * curated ranges of procedure-classes.csv. Held as a map, not as rule facts: a quarterly file has
 * some 18,000 codes. One object in every session, asked through the global {@code fees}.
 */
public final class FeeSchedule {

    /** A code's indicators ("" where not given) and where they were read. */
    public record Indicators(
            String status, String pcTc, String bilateral, LocalDate deletedFrom, String source) {}

    private final Map<String, Indicators> byCode;
    private final List<ProcedureClass> curated;
    private final String release;

    /**
     * @param byCode indicators of single codes from a loaded PPRRVU file (empty without one)
     * @param curated the curated ranges, used for codes the file does not list
     * @param release what the file was ("PPRRVU25_JAN.csv (2025)"), or "" without one
     */
    public FeeSchedule(
            Map<String, Indicators> byCode, List<ProcedureClass> curated, String release) {
        this.byCode = new HashMap<>(byCode);
        this.curated = List.copyOf(curated);
        this.release = release;
    }

    public String release() {
        return release;
    }

    public int size() {
        return byCode.size();
    }

    public boolean lists(String code) {
        return byCode.containsKey(code);
    }

    public String pcTcIndicator(String code) {
        Indicators indicators = byCode.get(code);
        if (indicators != null && !indicators.pcTc().isEmpty()) {
            return indicators.pcTc();
        }
        ProcedureClass range = curatedRange(code, true);
        return range == null ? "" : range.pcTcIndicator();
    }

    public String bilateralIndicator(String code) {
        Indicators indicators = byCode.get(code);
        if (indicators != null && !indicators.bilateral().isEmpty()) {
            return indicators.bilateral();
        }
        ProcedureClass range = curatedRange(code, false);
        return range == null ? "" : range.bilateralIndicator();
    }

    /** Where the code's indicators come from, for a finding's source. */
    public String source(String code) {
        Indicators indicators = byCode.get(code);
        if (indicators != null) {
            return indicators.source();
        }
        ProcedureClass range = curatedRange(code, true);
        if (range == null) {
            range = curatedRange(code, false);
        }
        return range == null ? "" : range.citation();
    }

    /**
     * PC/TC indicator 0: a physician service with no professional/technical split, so 26 and TC are
     * wrong.
     */
    public boolean hasNoProfessionalTechnicalSplit(String code) {
        return "0".equals(pcTcIndicator(code));
    }

    /**
     * Bilateral indicator 2 (already bilateral) or 9 (the concept does not apply): modifier 50 is
     * denied.
     */
    public boolean forbidsBilateralModifier(String code) {
        String indicator = bilateralIndicator(code);
        return "2".equals(indicator) || "9".equals(indicator);
    }

    /**
     * Bilateral indicator 0 or 3: CMS makes no bilateral payment adjustment; many payers deny
     * modifier 50.
     */
    public boolean hasNoBilateralAdjustment(String code) {
        String indicator = bilateralIndicator(code);
        return "0".equals(indicator) || "3".equals(indicator);
    }

    /** What the code's bilateral indicator means, for messages. */
    public String bilateralMeaning(String code) {
        String indicator = bilateralIndicator(code);
        return switch (indicator) {
            case "0" -> "0: no bilateral payment adjustment (both sides are paid as one, at most)";
            case "1" -> "1: 150% payment with modifier 50";
            case "2" -> "2: the code already describes both sides";
            case "3" ->
                    "3: each side is paid in full on its own line (RT and LT), without the bilateral adjustment";
            case "9" -> "9: the bilateral concept does not apply to this code";
            default -> indicator;
        };
    }

    /**
     * True when the loaded file gives the code status D (deleted) and the date is on or after its
     * deletion.
     */
    public boolean isDeletedOn(String code, LocalDate date) {
        Indicators indicators = byCode.get(code);
        return indicators != null
                && indicators.deletedFrom() != null
                && date != null
                && !date.isBefore(indicators.deletedFrom());
    }

    public Indicators indicators(String code) {
        return byCode.get(code);
    }

    /** No curated range: cached as such, since a map holds no null. */
    private static final Optional<ProcedureClass> NONE = Optional.empty();

    private final Map<String, Optional<ProcedureClass>> pcTcRanges = new ConcurrentHashMap<>();
    private final Map<String, Optional<ProcedureClass>> bilateralRanges = new ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED = 100_000;

    /**
     * The curated range giving the code's indicator, found once per code: the coverage count asks
     * on every line.
     */
    private ProcedureClass curatedRange(String code, boolean pcTc) {
        Map<String, Optional<ProcedureClass>> cache = pcTc ? pcTcRanges : bilateralRanges;
        Optional<ProcedureClass> known = cache.get(code);
        if (known == null) {
            known = NONE;
            for (ProcedureClass range : curated) {
                String indicator = pcTc ? range.pcTcIndicator() : range.bilateralIndicator();
                if (!indicator.isEmpty() && range.covers(code)) {
                    known = Optional.of(range);
                    break;
                }
            }
            if (cache.size() < MAX_REMEMBERED) {
                cache.put(code, known);
            }
        }
        return known.orElse(null);
    }

    @Override
    public String toString() {
        return "fee schedule indicators ("
                + (release.isEmpty() ? "curated ranges" : release + ", " + byCode.size() + " codes")
                + ")";
    }
}
