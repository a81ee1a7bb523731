package org.claimscrubber.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * ICD-10-CM as the scrubber knows it in every run: the billable code list of each fiscal year it
 * has (the bundled FY2025 and FY2026 lists, and any given with {@code --reference}) and the curated
 * labels of category headers. On a date of service, a code of the ICD-10-CM shape is billable, a
 * category header (not billable, but billable codes extend it: C50.91, N63), or not an ICD-10-CM
 * code at all, by the list of that date's fiscal year. A date no list covers is not checked: the
 * rules say so instead of passing or failing its codes. One fact in every session; rules ask it
 * about a line's diagnoses.
 */
public final class DiagnosisCodes {

    private final List<IcdCodeList> dated;
    private final IcdCodeList undated;
    private final IcdCodeList newest;
    private final Map<String, CodeEntry> headers;

    /**
     * What each distinct code is in each list, found once (two binary searches): rules ask for
     * every line.
     */
    private final Map<IcdCodeList, Map<String, Status>> statuses = new ConcurrentHashMap<>();

    private static final int MAX_REMEMBERED = 200_000;

    private enum Status {
        BILLABLE,
        HEADER,
        UNKNOWN,
        MALFORMED
    }

    /**
     * @param lists one list per fiscal year (a later one given for a year replaces an earlier one),
     *     and at most one of no known year, which covers any date no dated list covers
     * @param headers labels of codes known not to be billable (curated rows, or an order file's
     *     headers)
     */
    public DiagnosisCodes(List<IcdCodeList> lists, Map<String, CodeEntry> headers) {
        Map<Integer, IcdCodeList> byYear = new HashMap<>();
        IcdCodeList anyYear = null;
        for (IcdCodeList list : lists) {
            if (list.fiscalYear() == IcdCodeList.ANY_YEAR) {
                anyYear = list;
            } else {
                byYear.put(list.fiscalYear(), list);
            }
        }
        List<IcdCodeList> sorted = new ArrayList<>(byYear.values());
        sorted.sort(Comparator.comparingInt(IcdCodeList::fiscalYear));
        if (sorted.isEmpty() && anyYear == null) {
            throw new IllegalArgumentException("no ICD-10-CM list");
        }
        this.dated = List.copyOf(sorted);
        this.undated = anyYear;
        this.newest = anyYear != null ? anyYear : sorted.get(sorted.size() - 1);
        this.headers = new HashMap<>(headers);
    }

    /** The one list of the bundled and given ones (tests, and seed checks that have no date). */
    public DiagnosisCodes(IcdCodeList list, Map<String, CodeEntry> headers) {
        this(List.of(list), headers);
    }

    /**
     * The list that covers the date (its fiscal year's, else the one of no known year), or null:
     * not checked.
     */
    public IcdCodeList listFor(LocalDate date) {
        if (date == null) {
            return null;
        }
        int year = IcdCodeList.fiscalYearOf(date);
        for (IcdCodeList list : dated) {
            if (list.fiscalYear() == year) {
                return list;
            }
        }
        return undated;
    }

    /** True when a loaded list covers the date, so its diagnoses can be checked. */
    public boolean covers(LocalDate date) {
        return listFor(date) != null;
    }

    private Status status(IcdCodeList list, String code) {
        Map<String, Status> known = statuses.computeIfAbsent(list, l -> new ConcurrentHashMap<>());
        Status status = known.get(code);
        if (status != null) {
            return status;
        }
        Status found =
                !CodeFormat.DIAGNOSIS.accepts(code)
                        ? Status.MALFORMED
                        : list.isBillable(code)
                                ? Status.BILLABLE
                                : list.firstExtension(code) != null
                                        ? Status.HEADER
                                        : Status.UNKNOWN;
        if (known.size() < MAX_REMEMBERED) {
            known.put(code, found);
        }
        return found;
    }

    /** The release the date's diagnoses were checked against ("ICD-10-CM FY2026 (...)"). */
    public String releaseFor(LocalDate date) {
        IcdCodeList list = listFor(date);
        return list == null ? release() : list.release();
    }

    /** The newest list's release (a date-free question: labels, seed checks). */
    public String release() {
        return newest.release();
    }

    /** "FY2025, FY2026": the years loaded, for messages and the run's coverage note. */
    public String yearsLoaded() {
        List<String> years = new ArrayList<>();
        dated.forEach(list -> years.add(list.yearLabel()));
        if (undated != null) {
            years.add(undated.yearLabel() + " (no year in its name: any other date)");
        }
        return String.join(", ", years);
    }

    public int size() {
        return newest.size();
    }

    /** Billable in the newest list (a question with no date of service, as a seed document's). */
    public boolean isBillable(String code) {
        return status(newest, code) == Status.BILLABLE;
    }

    /** A category header in the newest list: not billable, but billable codes start with it. */
    public boolean isNonBillable(String code) {
        return status(newest, code) == Status.HEADER;
    }

    /**
     * A category header on the date of service; false when no list covers the date (not checked).
     */
    public boolean isNonBillableOn(String code, LocalDate date) {
        return isOn(code, date, Status.HEADER);
    }

    public boolean hasNonBillableOn(List<Diagnosis> diagnoses, LocalDate date) {
        return hasOn(diagnoses, date, Status.HEADER);
    }

    /**
     * Of the ICD-10-CM shape, but neither billable nor a header on the date; false when no list
     * covers it.
     */
    public boolean isUnknownOn(String code, LocalDate date) {
        return isOn(code, date, Status.UNKNOWN);
    }

    public boolean hasUnknownOn(List<Diagnosis> diagnoses, LocalDate date) {
        return hasOn(diagnoses, date, Status.UNKNOWN);
    }

    private boolean isOn(String code, LocalDate date, Status wanted) {
        IcdCodeList list = listFor(date);
        return list != null && status(list, code) == wanted;
    }

    /**
     * True when a diagnosis has the status by the list of the date (false when no list covers it:
     * not checked).
     */
    private boolean hasOn(List<Diagnosis> diagnoses, LocalDate date, Status wanted) {
        IcdCodeList list = listFor(date);
        if (list == null) {
            return false;
        }
        for (Diagnosis diagnosis : diagnoses) {
            if (status(list, diagnosis.code()) == wanted) {
                return true;
            }
        }
        return false;
    }

    /**
     * For a date no list covers: a well-formed code the nearest year's list does not bill (a
     * header, a code deleted since, or no code). It may be valid in the date's year, so it is
     * reported as not checked.
     */
    public boolean isUnbillableNearOn(String code, LocalDate date) {
        if (date == null || covers(date) || !CodeFormat.DIAGNOSIS.accepts(code)) {
            return false;
        }
        return status(nearest(date), code) != Status.BILLABLE;
    }

    public boolean hasUnbillableNearOn(List<Diagnosis> diagnoses, LocalDate date) {
        if (date == null || covers(date)) {
            return false;
        }
        for (Diagnosis diagnosis : diagnoses) {
            if (isUnbillableNearOn(diagnosis.code(), date)) {
                return true;
            }
        }
        return false;
    }

    /** The loaded list of the fiscal year closest to the date's. */
    public IcdCodeList nearest(LocalDate date) {
        int year = IcdCodeList.fiscalYearOf(date);
        IcdCodeList best = dated.isEmpty() ? newest : dated.get(0);
        for (IcdCodeList list : dated) {
            if (Math.abs(list.fiscalYear() - year) <= Math.abs(best.fiscalYear() - year)) {
                best = list;
            }
        }
        return best;
    }

    /**
     * What the nearest list says of a code, for the not-checked message: "a category header", "not
     * a code".
     */
    public String nearestVerdict(String code, LocalDate date) {
        IcdCodeList list = nearest(date);
        return switch (status(list, code)) {
            case HEADER -> "a category header in " + list.yearLabel();
            case UNKNOWN -> "not a code in " + list.yearLabel();
            default -> "billable in " + list.yearLabel();
        };
    }

    private static final Pattern MANIFESTATION =
            Pattern.compile(
                    "\\b(in|due to) (other )?(diseases|conditions) classified elsewhere\\b",
                    Pattern.CASE_INSENSITIVE);
    private final Map<String, Boolean> manifestations = new ConcurrentHashMap<>();

    /**
     * A manifestation code: its title says the condition is "in diseases classified elsewhere" (or
     * "in conditions ..."), the Tabular's mark of a code that follows the underlying condition's
     * (Official Guidelines I.A.13).
     */
    public boolean isManifestation(String code) {
        Boolean known = manifestations.get(code);
        if (known == null) {
            String label = label(code);
            known = label != null && MANIFESTATION.matcher(label).find();
            if (manifestations.size() < MAX_REMEMBERED) {
                manifestations.put(code, known);
            }
        }
        return known;
    }

    private final Map<String, Side> sides = new ConcurrentHashMap<>();
    private static final Pattern RIGHT = Pattern.compile("\\bright\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEFT = Pattern.compile("\\bleft\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern BOTH =
            Pattern.compile("\\bbilateral\\b", Pattern.CASE_INSENSITIVE);

    /**
     * Titles whose "right" or "left" is not the side of a paired body part a side modifier could
     * name: the heart's chambers, conduction and great vessels, the abdomen's quadrants, a
     * colitis's extent ("left sided"), and the side of the body a brain lesion affects (a left
     * craniotomy treats a right hemiplegia).
     */
    private static final Pattern NOT_A_BODY_SIDE =
            Pattern.compile(
                    "heart|ventric|atri(al|um)|bundle|fascicular|aort|vena cava|quadrant|sided|coronary|descending"
                            + "|circumflex|dominant|hemi|brain|cerebr",
                    Pattern.CASE_INSENSITIVE);

    /**
     * The side a diagnosis names: from its code structure where that is defined (C50, D05, N63),
     * otherwise from its ICD-10-CM title ("Primary osteoarthritis, right knee", "Chalazion right
     * lower eyelid"). A title with no side, an "unspecified" side, or a side that is not a paired
     * body part's is NOT_SIDED or UNSPECIFIED: never a conflict.
     */
    public Side sideOf(Diagnosis diagnosis) {
        if (diagnosis.side() != Side.NOT_SIDED) {
            return diagnosis.side();
        }
        Side known = sides.get(diagnosis.code());
        if (known == null) {
            known = sideInTitle(label(diagnosis.code()));
            if (sides.size() < MAX_REMEMBERED) {
                sides.put(diagnosis.code(), known);
            }
        }
        return known;
    }

    static Side sideInTitle(String title) {
        if (title == null || NOT_A_BODY_SIDE.matcher(title).find()) {
            return Side.NOT_SIDED;
        }
        boolean right = RIGHT.matcher(title).find();
        boolean left = LEFT.matcher(title).find();
        if (BOTH.matcher(title).find() || right && left) {
            return Side.BILATERAL;
        }
        return right ? Side.RIGHT : left ? Side.LEFT : Side.NOT_SIDED;
    }

    /**
     * True when the line's side modifiers name one side and its diagnoses name only the other: no
     * diagnosis on the modifiers' side (or on both sides), at least one on the opposite side.
     */
    public boolean sideContradicts(ClaimLine line) {
        Side side = line.modifierSide();
        if (side == Side.NOT_SIDED) {
            return false;
        }
        boolean opposite = false;
        for (Diagnosis diagnosis : line.diagnoses()) {
            Side named = sideOf(diagnosis);
            if (named == side || named == Side.BILATERAL) {
                return false;
            }
            opposite |= named == side.opposite();
        }
        return opposite;
    }

    /**
     * An external-cause code (chapter 20, V00-Y99): how an injury happened, never the reason for
     * the service.
     */
    public static boolean isExternalCause(String code) {
        char chapter = code.isEmpty() ? ' ' : code.charAt(0);
        return (chapter == 'V' || chapter == 'W' || chapter == 'X' || chapter == 'Y')
                && CodeFormat.DIAGNOSIS.accepts(code);
    }

    /**
     * A billable code that extends a header, for messages ("use a code that starts with it, e.g.
     * C50.911").
     */
    public String example(String header) {
        return newest.firstExtension(header);
    }

    /** The code's official label and source; null for a code that is not in ICD-10-CM. */
    public CodeEntry entry(String code) {
        String label = label(code);
        if (label != null) {
            return new CodeEntry(code, label, true, newest.release());
        }
        CodeEntry header = headers.get(code);
        if (header != null) {
            return header;
        }
        return isNonBillable(code)
                ? new CodeEntry(
                        code,
                        "category header",
                        false,
                        newest.release() + ": billable codes extend it")
                : null;
    }

    /** The official long description of a billable code in the newest list that has it, or null. */
    public String label(String code) {
        String label = newest.label(code);
        for (int i = dated.size() - 1; label == null && i >= 0; i--) {
            label = dated.get(i).label(code);
        }
        return label;
    }

    /**
     * The code with its official label for messages ("N63 (Unspecified lump in breast)"), or the
     * code alone.
     */
    public String named(String code) {
        String label = label(code);
        if (label == null && headers.containsKey(code)) {
            label = headers.get(code).label();
        }
        return label == null ? code : code + " (" + label + ")";
    }

    @Override
    public String toString() {
        return "ICD-10-CM codes ("
                + yearsLoaded()
                + "; "
                + newest.size()
                + " billable in "
                + newest.yearLabel()
                + ")";
    }
}
