package org.claimscrubber.facts;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The rows of interpretations.csv; columns {@code kind,applies_to,phrase,values,note}. */
public final class Interpretations {

    public static final String FILE_NAME = "interpretations.csv";
    private static final List<String> COLUMNS =
            List.of("kind", "applies_to", "phrase", "values", "note");

    private final List<Interpretation> rows;

    public Interpretations(List<Interpretation> rows) {
        this.rows = List.copyOf(rows);
    }

    public static Interpretations none() {
        return new Interpretations(List.of());
    }

    public List<Interpretation> rows() {
        return rows;
    }

    /** The first row of {@code kind} for the procedure whose phrase occurs in {@code text}. */
    public Optional<Interpretation> find(
            Interpretation.Kind kind, String procedureCode, String text) {
        return rows.stream()
                .filter(
                        row ->
                                row.kind() == kind
                                        && row.appliesTo(procedureCode)
                                        && row.foundIn(text))
                .findFirst();
    }

    public List<Interpretation> ofKind(Interpretation.Kind kind, String procedureCode) {
        return rows.stream()
                .filter(row -> row.kind() == kind && row.appliesTo(procedureCode))
                .toList();
    }

    public static Interpretations parse(String fileName, String content) throws FactsException {
        try (CSVReader reader = new CSVReaderBuilder(new StringReader(content)).build()) {
            return parse(fileName, reader);
        } catch (IOException | CsvException e) {
            throw new FactsException(fileName + ": cannot be read as CSV: " + e.getMessage(), e);
        }
    }

    private static Interpretations parse(String fileName, CSVReader reader)
            throws IOException, CsvException, FactsException {
        String[] header = reader.readNext();
        if (header == null
                || !Arrays.stream(header)
                        .map(h -> h.strip().toLowerCase(Locale.ROOT))
                        .toList()
                        .equals(COLUMNS)) {
            throw new FactsException(fileName + ":1: header must be " + String.join(",", COLUMNS));
        }
        List<Interpretation> rows = new ArrayList<>();
        String[] cells;
        while ((cells = reader.readNext()) != null) {
            long line = reader.getLinesRead();
            if (cells.length == 1 && cells[0].isBlank()) {
                continue;
            }
            String where = fileName + ":" + line;
            if (cells.length != COLUMNS.size()) {
                throw new FactsException(
                        where + ": expected " + COLUMNS.size() + " fields, found " + cells.length);
            }
            Interpretation.Kind kind;
            try {
                kind = Interpretation.Kind.valueOf(cells[0].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new FactsException(
                        where
                                + ": kind '"
                                + cells[0]
                                + "' is not one of "
                                + Arrays.toString(Interpretation.Kind.values()));
            }
            if (cells[2].isBlank()) {
                throw new FactsException(where + ": phrase is empty");
            }
            List<String> values =
                    Arrays.stream(cells[3].split(";"))
                            .map(String::strip)
                            .filter(v -> !v.isEmpty())
                            .toList();
            rows.add(
                    new Interpretation(
                            kind,
                            cells[1].strip(),
                            cells[2].strip(),
                            values,
                            cells[4].strip(),
                            where));
        }
        return new Interpretations(rows);
    }
}
