package org.claimscrubber.batch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.claims.Claim;
import org.claimscrubber.claims.ClaimCsvReader;
import org.claimscrubber.claims.CsvRecord;
import org.claimscrubber.claims.InputFileException;
import org.claimscrubber.claims.RowParser;
import org.claimscrubber.engine.CompiledRules;
import org.claimscrubber.engine.RunContext;
import org.claimscrubber.engine.ScrubSession;
import org.claimscrubber.facts.FactBase;
import org.claimscrubber.report.Finding;
import org.claimscrubber.report.RunManifest;

/**
 * Reads claim exports and evaluates every claim against the rules, handing each chunk of claims and its
 * findings (in report order) to a {@link Sink}. {@code run} writes reports from it; sample suites compare.
 */
public final class Scrubber {

    /** Claims are evaluated in chunks of about this many lines; a claim is never split across chunks. */
    static final int CHUNK_LINES = 2000;

    /** Receives the claims of each chunk, in input order, with their findings. */
    public interface Sink {
        void accept(List<Claim> claims, List<Finding> findings) throws IOException;
    }

    /** What was read: each input file and the row counts. */
    public record Result(List<RunManifest.InputFile> inputs, RunManifest.RowCounts rows, long readMillis,
                         long evaluateMillis) {
    }

    private final CompiledRules rules;
    private final List<Object> referenceFacts;

    public Scrubber(CompiledRules rules, FactBase facts, LocalDate today) {
        this.rules = rules;
        this.referenceFacts = new ArrayList<>(facts.seedFacts());
        referenceFacts.add(new RunContext(today));
    }

    public Result scrub(List<Path> inputs, Sink sink) throws InputFileException, IOException {
        long start = System.nanoTime();
        RowCounter rows = new RowCounter();
        ClaimAssembler assembler = new ClaimAssembler(rows);
        List<RunManifest.InputFile> files = new ArrayList<>();
        for (Path input : inputs) {
            files.add(read(input, assembler, rows));
        }
        long read = System.nanoTime();
        try (ScrubSession session = new ScrubSession(rules, referenceFacts)) {
            for (List<Claim> chunk : chunks(assembler.claims())) {
                sink.accept(chunk, session.evaluate(chunk));
            }
        }
        long done = System.nanoTime();
        return new Result(files, rows.counts(), (read - start) / 1_000_000, (done - read) / 1_000_000);
    }

    private static RunManifest.InputFile read(Path input, ClaimAssembler assembler, RowCounter rows)
            throws InputFileException {
        String name = input.toString();
        if (Files.isDirectory(input)) {
            throw new InputFileException(name + ": is a directory, not a claim export");
        }
        long rowsBefore = rows.read();
        try (InputStream raw = Files.newInputStream(input);
             CountingInput counting = new CountingInput(new BufferedInputStream(raw, 1 << 16));
             ClaimCsvReader reader = ClaimCsvReader.open(name, counting)) {
            RowParser parser = new RowParser(reader.columns(), name);
            CsvRecord record;
            while ((record = reader.next()) != null) {
                assembler.add(record, parser, name);
            }
            rows.blankLines(reader.blankLines());
            return new RunManifest.InputFile(name, counting.sha256(), counting.bytes(), counting.lines(),
                    rows.read() - rowsBefore);
        } catch (NoSuchFileException e) {
            throw new InputFileException(name + ": no such file");
        } catch (IOException e) {
            throw new InputFileException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Consecutive claims in groups of about {@link #CHUNK_LINES} lines. */
    static List<List<Claim>> chunks(List<Claim> claims) {
        List<List<Claim>> chunks = new ArrayList<>();
        List<Claim> current = new ArrayList<>();
        int lines = 0;
        for (Claim claim : claims) {
            current.add(claim);
            lines += claim.lines().size() + claim.problems().size();
            if (lines >= CHUNK_LINES) {
                chunks.add(current);
                current = new ArrayList<>();
                lines = 0;
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }
}
