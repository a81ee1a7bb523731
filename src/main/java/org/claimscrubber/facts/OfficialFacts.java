package org.claimscrubber.facts;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.claimscrubber.domain.OfficialCode;
import org.claimscrubber.domain.OfficialKind;
import org.claimscrubber.domain.Provenance;

/** The rows of official-facts.csv; columns as in the reference's README. */
public final class OfficialFacts {

    public static final String FILE_NAME = "official-facts.csv";
    private static final List<String> COLUMNS =
            List.of(
                    "kind",
                    "code",
                    "official_label",
                    "billable_or_active",
                    "effective_date",
                    "deletion_date",
                    "add_on_primary",
                    "unit_basis",
                    "source");

    private final List<OfficialCode> rows;

    public OfficialFacts(List<OfficialCode> rows) {
        this.rows = List.copyOf(rows);
    }

    public List<OfficialCode> rows() {
        return rows;
    }

    public List<OfficialCode> ofKind(OfficialKind kind) {
        return rows.stream().filter(row -> row.kind() == kind).toList();
    }

    public Optional<OfficialCode> find(OfficialKind kind, String code) {
        return rows.stream()
                .filter(row -> row.kind() == kind && row.code().equals(code))
                .findFirst();
    }

    /**
     * @param fileName how provenance names the file (e.g. official-facts.csv)
     * @throws FactsException naming the file and line of a row that cannot be read
     */
    public static OfficialFacts parse(String fileName, String content) throws FactsException {
        try (CSVReader reader = new CSVReaderBuilder(new StringReader(content)).build()) {
            String[] header = reader.readNext();
            if (header == null
                    || !Arrays.stream(header)
                            .map(h -> h.strip().toLowerCase(Locale.ROOT))
                            .toList()
                            .equals(COLUMNS)) {
                throw new FactsException(
                        fileName + ":1: header must be " + String.join(",", COLUMNS));
            }
            List<OfficialCode> rows = new ArrayList<>();
            String[] cells;
            while ((cells = reader.readNext()) != null) {
                int line = (int) reader.getLinesRead();
                if (cells.length == 1 && cells[0].isBlank()) {
                    continue;
                }
                rows.add(row(fileName, line, cells));
            }
            return new OfficialFacts(rows);
        } catch (IOException | CsvException e) {
            throw new FactsException(fileName + ": cannot be read as CSV: " + e.getMessage(), e);
        }
    }

    private static OfficialCode row(String fileName, int line, String[] cells)
            throws FactsException {
        String where = fileName + ":" + line;
        if (cells.length != COLUMNS.size()) {
            throw new FactsException(
                    where + ": expected " + COLUMNS.size() + " fields, found " + cells.length);
        }
        OfficialKind kind;
        try {
            kind = OfficialKind.valueOf(cells[0].strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FactsException(
                    where
                            + ": kind '"
                            + cells[0]
                            + "' is not one of "
                            + Arrays.toString(OfficialKind.values()));
        }
        return new OfficialCode(
                kind,
                cells[1].strip(),
                cells[2].strip(),
                cells[3].strip(),
                date(where, cells[4]),
                date(where, cells[5]),
                cells[6].strip(),
                cells[7].strip(),
                cells[8].strip(),
                new Provenance(fileName, line, kind.name()));
    }

    private static LocalDate date(String where, String text) throws FactsException {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new FactsException(where + ": '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }
}
