package org.claimscrubber.bench;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.claimscrubber.input.ClaimCsvReader;
import org.claimscrubber.input.CsvRecord;

/**
 * The I/O floor: read a claim export with the scrubber's own reader (opencsv, UTF-8, header
 * checked) and write every record back with opencsv, doing nothing else. A scrub cannot be faster
 * than this. Run as its own JVM by {@code bench}: {@code java -cp claim-scrubber.jar
 * org.claimscrubber.bench.IoFloor IN OUT}.
 */
public final class IoFloor {

    private IoFloor() {}

    public static void main(String[] args) throws Exception {
        long rows = 0;
        try (InputStream in =
                        new BufferedInputStream(Files.newInputStream(Path.of(args[0])), 1 << 16);
                ClaimCsvReader reader = ClaimCsvReader.open(args[0], in);
                Writer out =
                        new BufferedWriter(
                                new OutputStreamWriter(
                                        Files.newOutputStream(Path.of(args[1])),
                                        StandardCharsets.UTF_8),
                                1 << 16);
                ICSVWriter csv = new CSVWriterBuilder(out).withLineEnd("\n").build()) {
            csv.writeNext(reader.header(), false);
            CsvRecord record;
            while ((record = reader.next()) != null) {
                csv.writeNext(record.cells(), false);
                rows++;
            }
        }
        System.out.println(rows);
    }
}
