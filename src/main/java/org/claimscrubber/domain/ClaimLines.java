package org.claimscrubber.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lines of one claim, shared by each of them ({@code ClaimLine.claim}), indexed once when the
 * claim is complete: by procedure and date of service (is the surgery on the claim that day? how
 * many units?) and by procedure, date and modifiers (the first line of each service, for
 * duplicates). Rules ask the index instead of iterating the claim's lines for each line, so a claim
 * of n lines costs O(n) time and memory, not O(n^2): one export with a constant claim id must not
 * take the nightly run down. Equality is identity.
 */
public final class ClaimLines {

    /** A procedure on a date of service. */
    private record Service(String procedureCode, LocalDate date) {}

    /** The same service with the same modifiers: what a duplicate repeats. */
    private record SameService(Service service, String modifierKey) {}

    /** The first line of a service (lowest line number, then input order) and its total units. */
    private static final class Group {
        private ClaimLine first;
        private long units;
    }

    private final String claimId;
    private List<ClaimLine> lines = List.of();
    private Set<String> repeatedProcedures = Set.of();
    private Map<Service, Group> services = Map.of();
    private Map<SameService, Integer> firstLineNumbers = Map.of();

    /**
     * The first row of each line number that more than one row has (an exact duplicate row, a file
     * given twice).
     */
    private Map<Integer, ClaimLine> firstOfRepeatedNumbers = Map.of();

    public ClaimLines(String claimId) {
        this.claimId = claimId;
    }

    /** Sets the lines once every row of the claim is parsed, and indexes them. */
    public void complete(List<ClaimLine> claimLines) {
        this.lines = List.copyOf(claimLines);
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        Map<Service, Group> byService = new HashMap<>();
        for (ClaimLine line : lines) {
            if (!seen.add(line.procedureCode())) {
                repeated.add(line.procedureCode());
            }
            Group group =
                    byService.computeIfAbsent(
                            new Service(line.procedureCode(), line.dateOfService()),
                            k -> new Group());
            if (group.first == null || line.lineNumber() < group.first.lineNumber()) {
                group.first = line;
            }
            group.units += line.units();
        }
        this.repeatedProcedures = repeated.isEmpty() ? Set.of() : repeated;
        this.firstOfRepeatedNumbers = repeatedLineNumbers(lines);
        this.services = byService;
        if (!repeated.isEmpty()) {
            Map<SameService, Integer> firsts = new HashMap<>();
            for (ClaimLine line : lines) {
                if (repeated.contains(line.procedureCode())) {
                    firsts.merge(
                            new SameService(
                                    new Service(line.procedureCode(), line.dateOfService()),
                                    line.modifierKey()),
                            line.lineNumber(),
                            Math::min);
                }
            }
            this.firstLineNumbers = firsts;
        }
    }

    /**
     * The first row of each line number that more than one row has; empty (and no map built) for
     * the usual claim, whose few lines are compared pairwise.
     */
    private static Map<Integer, ClaimLine> repeatedLineNumbers(List<ClaimLine> lines) {
        if (lines.size() <= SMALL_CLAIM) {
            Map<Integer, ClaimLine> repeated = Map.of();
            for (int i = 1; i < lines.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (lines.get(i).lineNumber() == lines.get(j).lineNumber()) {
                        if (repeated.isEmpty()) {
                            repeated = new HashMap<>();
                        }
                        repeated.putIfAbsent(lines.get(j).lineNumber(), lines.get(j));
                        break;
                    }
                }
            }
            return repeated;
        }
        Map<Integer, ClaimLine> firstByNumber = new HashMap<>();
        Map<Integer, ClaimLine> repeated = new HashMap<>();
        for (ClaimLine line : lines) {
            ClaimLine first = firstByNumber.putIfAbsent(line.lineNumber(), line);
            if (first != null) {
                repeated.putIfAbsent(line.lineNumber(), first);
            }
        }
        return repeated.isEmpty() ? Map.of() : repeated;
    }

    public List<ClaimLine> lines() {
        return lines;
    }

    /**
     * True when another line of the claim has this procedure code: a cheap test before looking for
     * duplicates.
     */
    public boolean repeats(ClaimLine line) {
        return repeatedProcedures.contains(line.procedureCode());
    }

    /** True when a line of the claim bills the procedure on the date. */
    public boolean hasProcedureOn(String procedureCode, LocalDate date) {
        if (lines.size() <= SMALL_CLAIM) {
            // A typical claim has a handful of lines: comparing them beats hashing a new key
            // (measured with JFR).
            for (ClaimLine line : lines) {
                if (line.procedureCode().equals(procedureCode)
                        && line.dateOfService().equals(date)) {
                    return true;
                }
            }
            return false;
        }
        return services.containsKey(new Service(procedureCode, date));
    }

    /** Up to this many lines, a claim is searched line by line rather than through its index. */
    private static final int SMALL_CLAIM = 8;

    /**
     * True when the line is the first of its procedure and date (the line a claim-level units
     * finding goes on).
     */
    public boolean isFirstOfItsService(ClaimLine line) {
        Group group = services.get(new Service(line.procedureCode(), line.dateOfService()));
        return group != null && group.first == line;
    }

    /** The units of the procedure on the date, over all the claim's lines. */
    public long unitsOn(String procedureCode, LocalDate date) {
        Group group = services.get(new Service(procedureCode, date));
        return group == null ? 0 : group.units;
    }

    /**
     * The lowest line number of an earlier line with the same procedure, date and modifiers, or 0
     * when the line repeats none.
     */
    public int firstEarlierDuplicate(ClaimLine line) {
        if (!repeats(line)) {
            return 0;
        }
        Integer first =
                firstLineNumbers.get(
                        new SameService(
                                new Service(line.procedureCode(), line.dateOfService()),
                                line.modifierKey()));
        return first != null && first < line.lineNumber() ? first : 0;
    }

    /**
     * The first row (in input order) with this line's line number, when this line is a later one:
     * the claim has its line number twice. Null otherwise.
     */
    public ClaimLine earlierRowWithItsNumber(ClaimLine line) {
        ClaimLine first = firstOfRepeatedNumbers.get(line.lineNumber());
        return first == null || first == line ? null : first;
    }

    @Override
    public String toString() {
        return "claim " + claimId + " (" + lines.size() + " lines)";
    }
}
