package org.claimscrubber.config;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.claimscrubber.domain.Codes;
import org.claimscrubber.domain.Suppression;

/**
 * Reads a suppressions file, which compliance staff keep in version control beside the rules and
 * name in the config ({@code suppressions = suppressions.csv}). One row accepts one rule's
 * findings, narrowed by any of payer, rendering NPI, rendering taxonomy, procedure code and claim
 * id (empty: any), with the reason, the author and the last day it applies:
 *
 * <pre>
 * rule_id,payer,rendering_npi,rendering_taxonomy,procedure_code,claim_id,reason,author,expires
 * POS-001,Aetna,1234567893,,0352T,,Aetna pays 0352T in the office for this surgeon (letter 2026-03-02),J. Ortiz,2027-03-01
 * </pre>
 *
 * A row without a reason, an author or a rule id, or with a date that is not YYYY-MM-DD, is an
 * error naming its line and column. Rows whose rule no rule file defines are refused by the
 * compiler; expired rows are listed by {@code rules check} and apply to nothing.
 */
public final class Suppressions {

    public static final List<String> COLUMNS =
            List.of(
                    "rule_id",
                    "payer",
                    "rendering_npi",
                    "rendering_taxonomy",
                    "procedure_code",
                    "claim_id",
                    "reason",
                    "author",
                    "expires");

    private Suppressions() {}

    public static List<Suppression> load(Path file) throws ConfigException {
        String name = file.getFileName().toString();
        List<Suppression> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVReader csv = new CSVReaderBuilder(in).build()) {
            String[] header = csv.readNext();
            if (header == null
                    || !Arrays.stream(header)
                            .map(h -> h.strip().toLowerCase(Locale.ROOT))
                            .toList()
                            .equals(COLUMNS)) {
                throw new ConfigException(
                        file + ":1: the header must be " + String.join(",", COLUMNS));
            }
            String[] cells;
            while ((cells = csv.readNext()) != null) {
                int line = (int) csv.getLinesRead();
                if (cells.length == 1 && cells[0].isBlank()) {
                    continue;
                }
                if (cells.length != COLUMNS.size()) {
                    throw new ConfigException(
                            file
                                    + ":"
                                    + line
                                    + ": expected "
                                    + COLUMNS.size()
                                    + " fields ("
                                    + String.join(", ", COLUMNS)
                                    + "), found "
                                    + cells.length);
                }
                String[] v = Arrays.stream(cells).map(String::strip).toArray(String[]::new);
                for (int required : new int[] {0, 6, 7}) {
                    if (v[required].isEmpty()) {
                        throw new ConfigException(
                                file
                                        + ":"
                                        + line
                                        + ": column "
                                        + COLUMNS.get(required)
                                        + " is empty;"
                                        + " every suppression names its rule, its reason and its author");
                    }
                }
                LocalDate expires = null;
                if (!v[8].isEmpty()) {
                    try {
                        expires = LocalDate.parse(v[8]);
                    } catch (DateTimeParseException e) {
                        throw new ConfigException(
                                file
                                        + ":"
                                        + line
                                        + ": expires '"
                                        + v[8]
                                        + "' is not a date (YYYY-MM-DD)");
                    }
                }
                rows.add(
                        new Suppression(
                                v[0],
                                v[1],
                                v[2],
                                Codes.taxonomy(v[3]),
                                Codes.procedure(v[4]),
                                v[5],
                                v[6],
                                v[7],
                                expires,
                                name + ":" + line));
            }
        } catch (NoSuchFileException e) {
            throw new ConfigException("suppressions file " + file + ": no such file");
        } catch (IOException | CsvException e) {
            throw new ConfigException(file + ": cannot be read as CSV: " + e.getMessage());
        }
        return List.copyOf(rows);
    }
}
