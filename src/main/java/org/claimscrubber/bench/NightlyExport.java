package org.claimscrubber.bench;

import com.opencsv.CSVReader;
import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A nightly-like export for {@code bench}, built from the coder-written claims of {@code
 * samples/real-world} (bundled in the jar), not from the synthetic generator: coherent claims,
 * everyday ones above all, about 3% with exactly one defect a payer denies. The same seed gives the
 * same file; claims are contiguous.
 *
 * <p>The mix: 85% everyday claims (no seed code: visits, labs, readings, pathology), 12% claims
 * with a seed code, 3% one-defect claims. Each template claim is copied under a new claim id,
 * without its rationale column.
 */
public final class NightlyExport {

    private static final Set<String> SEED_CODES =
            Set.of("0352T", "0353T", "0753T", "0471T", "0971T");
    private static final int EVERYDAY_PERCENT = 85;
    private static final int DEFECT_PERCENT = 3;

    private final List<List<String[]>> everyday = new ArrayList<>();
    private final List<List<String[]>> seedCode = new ArrayList<>();
    private final List<List<String[]>> defects = new ArrayList<>();
    private String[] header;

    private NightlyExport() {}

    /**
     * Writes a header and exactly {@code lineCount} lines (the last claim cut short if need be).
     */
    public static void write(long lineCount, long seed, Writer out) throws IOException {
        write(lineCount, seed, out, "N", 0);
    }

    /**
     * As above, with claim ids {@code claimPrefix} + a number (one prefix a night, so nights do not
     * share claim ids) and, with {@code patientsPerLine} above 0, a patient_id column drawn from a
     * pool of that many patients a line: a claim history benchmark's nights then share patients.
     * With 5 a patient a line, about one line in ten of a night repeats a service an earlier night
     * of 30 sent (a stress test); with 100, about one in two hundred (nearer a real night).
     */
    public static void write(
            long lineCount, long seed, Writer out, String claimPrefix, int patientsPerLine)
            throws IOException {
        NightlyExport export = new NightlyExport();
        export.load("correct", false);
        export.load("defects", true);
        export.write(lineCount, new SplittableRandom(seed), out, claimPrefix, patientsPerLine);
    }

    private void write(
            long lineCount,
            SplittableRandom random,
            Writer out,
            String claimPrefix,
            int patientsPerLine)
            throws IOException {
        boolean patients = patientsPerLine > 0;
        ICSVWriter csv = new CSVWriterBuilder(out).withLineEnd("\n").build();
        csv.writeNext(patients ? withPatientColumn(header, "patient_id") : header, false);
        long patientPool = Math.max(1, lineCount * patientsPerLine);
        long lines = 0;
        long claims = 0;
        while (lines < lineCount) {
            int kind = random.nextInt(100);
            List<List<String[]>> pool =
                    kind < DEFECT_PERCENT
                            ? defects
                            : kind < DEFECT_PERCENT + EVERYDAY_PERCENT ? everyday : seedCode;
            List<String[]> claim = pool.get(random.nextInt(pool.size()));
            String claimId = claimPrefix + String.format("%09d", ++claims);
            String patient = patients ? "P" + random.nextLong(patientPool) : null;
            for (int i = 0; i < claim.size() && lines < lineCount; i++, lines++) {
                String[] row = claim.get(i).clone();
                row[0] = claimId;
                csv.writeNext(patients ? withPatientColumn(row, patient) : row, false);
            }
        }
        csv.flush();
    }

    private static String[] withPatientColumn(String[] row, String value) {
        String[] longer = Arrays.copyOf(row, row.length + 1);
        longer[row.length] = value;
        return longer;
    }

    /** Reads a suite's claims, grouped by claim id, without the case_note column. */
    private void load(String suite, boolean defective) throws IOException {
        String resource = "/bundled/real-world/" + suite + "/claims.csv";
        try (InputStream in = NightlyExport.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the build did not bundle " + resource);
            }
            CSVReader reader = new CSVReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] columns = reader.readNext();
            int note = Arrays.asList(columns).indexOf("case_note");
            int code = Arrays.asList(columns).indexOf("procedure_code");
            header = note < 0 ? columns : Arrays.copyOf(columns, note);
            Map<String, List<String[]>> byClaim = new LinkedHashMap<>();
            String[] row;
            while ((row = reader.readNext()) != null) {
                byClaim.computeIfAbsent(row[0], id -> new ArrayList<>())
                        .add(Arrays.copyOf(row, header.length));
            }
            for (List<String[]> claim : byClaim.values()) {
                boolean withSeedCode =
                        claim.stream().anyMatch(line -> SEED_CODES.contains(line[code]));
                (defective ? defects : withSeedCode ? seedCode : everyday).add(claim);
            }
        } catch (CsvValidationException e) {
            throw new UncheckedIOException(new IOException(resource + ": " + e.getMessage(), e));
        }
    }
}
