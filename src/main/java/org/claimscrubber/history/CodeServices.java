package org.claimscrubber.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One procedure code's services that earlier nights forwarded, as patient-and-code keys and dates,
 * night by night: what the frequency question looks at in memory before it asks the database.
 *
 * <p>Why: a code with a frequency limit (a screening mammogram, a wellness visit) may have been
 * sent on any earlier night, so the question reached every night's table for every line of the
 * code, and at 30 nights that was two thirds of what the history cost a run. A limited code is a
 * small share of the lines, so its services of every night fit in memory (12 bytes each: 30 nights
 * of 20,000 are 7 MB), read once a run, when the code is first asked about, from each night's code
 * index without touching its rows. The database is then asked only for a candidate's claim and run,
 * and compares the values themselves: a key that matches by chance is never a finding.
 */
final class CodeServices {

    /** A night's services of the code, sorted by key (then date), as the night's index has them. */
    private record Night(int night, long[] patientCodes, int[] days) {}

    /**
     * A night on which the patient had the code on {@code dateOfService}: ask that night's table
     * which claim.
     */
    record Candidate(int night, LocalDate dateOfService) {}

    private final List<Night> nights;

    private CodeServices(List<Night> nights) {
        this.nights = nights;
    }

    /**
     * Reads the code's forwarded services from each of {@code tables} (index {@code i} is night
     * {@code i} of the candidates), in one index range scan a night.
     */
    static CodeServices load(Connection reader, String code, List<String> tables)
            throws SQLException {
        List<Night> nights = new ArrayList<>(tables.size());
        for (int i = 0; i < tables.size(); i++) {
            try (PreparedStatement query =
                    reader.prepareStatement(
                            "SELECT patient_code_key, date_of_service FROM "
                                    + tables.get(i)
                                    + " WHERE procedure_code = ? AND outcome = 'forwarded'"
                                    + " ORDER BY patient_code_key, date_of_service")) {
                query.setString(1, code);
                query.setFetchSize(4096);
                HistoryStore.LongList keys = new HistoryStore.LongList();
                HistoryStore.LongList days = new HistoryStore.LongList();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        keys.add(rs.getLong(1));
                        days.add(LocalDate.parse(rs.getString(2)).toEpochDay());
                    }
                }
                if (keys.size() > 0) {
                    nights.add(
                            new Night(
                                    i,
                                    keys.inOrder(),
                                    Arrays.stream(days.inOrder())
                                            .mapToInt(Math::toIntExact)
                                            .toArray()));
                }
            }
        }
        return new CodeServices(nights);
    }

    /**
     * The nights and dates of the patient's services of the code before {@code before}, latest date
     * first (on one date, the newest night first), each night and date once.
     */
    List<Candidate> before(long patientCode, LocalDate before) {
        int beforeDay = (int) before.toEpochDay();
        List<Candidate> found = new ArrayList<>(0);
        for (Night night : nights) {
            int at = Arrays.binarySearch(night.patientCodes(), patientCode);
            if (at < 0) {
                continue;
            }
            while (at > 0 && night.patientCodes()[at - 1] == patientCode) {
                at--;
            }
            int lastDay = Integer.MIN_VALUE;
            for (int i = at;
                    i < night.patientCodes().length && night.patientCodes()[i] == patientCode;
                    i++) {
                int day = night.days()[i];
                if (day < beforeDay && day != lastDay) {
                    found.add(new Candidate(night.night(), LocalDate.ofEpochDay(day)));
                    lastDay = day;
                }
            }
        }
        found.sort(
                Comparator.comparing(Candidate::dateOfService)
                        .reversed()
                        .thenComparingInt(Candidate::night));
        return found;
    }

    /** How many services are held, for the tests. */
    int size() {
        return nights.stream().mapToInt(n -> n.days().length).sum();
    }
}
