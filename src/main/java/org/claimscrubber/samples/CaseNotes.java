package org.claimscrubber.samples;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The optional {@code case_note} column of a suite's claims.csv: what each case (claim) shows. */
final class CaseNotes {

    private CaseNotes() {}

    /** Claim id to its first non-empty note; empty when the file has no case_note column. */
    static Map<String, String> read(Path claims) throws IOException {
        Map<String, String> notes = new HashMap<>();
        try (Reader in = Files.newBufferedReader(claims, StandardCharsets.UTF_8);
                CSVReader csv = new CSVReaderBuilder(in).build()) {
            String[] header = csv.readNext();
            if (header == null) {
                return notes;
            }
            int claim = -1;
            int note = -1;
            for (int i = 0; i < header.length; i++) {
                String key =
                        header[i]
                                .replace("\uFEFF", "")
                                .toLowerCase(Locale.ROOT)
                                .replaceAll("[^a-z0-9]", "");
                if (key.equals("claimid")) {
                    claim = i;
                } else if (key.equals("casenote")) {
                    note = i;
                }
            }
            if (claim < 0 || note < 0) {
                return notes;
            }
            String[] cells;
            while ((cells = csv.readNext()) != null) {
                if (cells.length > Math.max(claim, note) && !cells[note].isBlank()) {
                    notes.putIfAbsent(cells[claim].strip(), cells[note].strip());
                }
            }
        } catch (CsvException e) {
            return notes; // notes are a courtesy; the claims themselves were read by the scrubber
        }
        return notes;
    }
}
