package org.claimscrubber.batch;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.domain.Category;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.domain.NotChecked;
import org.claimscrubber.domain.Severity;
import org.claimscrubber.input.ClaimRows;
import org.claimscrubber.input.CsvRecord;
import org.claimscrubber.input.SourceInfo;
import org.claimscrubber.report.ClaimOutcome;

/**
 * The binary form of rows and claim outcomes in the partitioned pass's temporary files. Strings are
 * length-prefixed UTF-8, so a field of any size survives.
 */
final class Spill {

    private Spill() {}

    /** A row as read, with its position in the run and the index of its input. */
    record SpilledRow(long rowIndex, int source, CsvRecord record) {}

    private record SourcedRecord(int source, CsvRecord record) {}

    static void writeRow(DataOutputStream out, long rowIndex, int source, CsvRecord record)
            throws IOException {
        out.writeLong(rowIndex);
        writeRecord(out, source, record);
    }

    /** The next row, or null at the end of the file. */
    static SpilledRow readRow(DataInputStream in) throws IOException {
        long rowIndex;
        try {
            rowIndex = in.readLong();
        } catch (EOFException end) {
            return null;
        }
        SourcedRecord row = readRecord(in);
        return new SpilledRow(rowIndex, row.source(), row.record());
    }

    static void writeOutcome(DataOutputStream out, ClaimOutcome outcome) throws IOException {
        writeString(out, outcome.claimId());
        out.writeLong(outcome.order());
        out.writeInt(outcome.scrubbedRows());
        out.writeInt(outcome.rejectedRows());
        out.writeBoolean(outcome.fullyScrubbed());
        out.writeInt(outcome.findings().size());
        for (Finding finding : outcome.findings()) {
            writeFinding(out, finding);
        }
        out.writeInt(outcome.rows().asRead().size());
        for (ClaimRows.Row row : outcome.rows().asRead()) {
            writeRecord(out, row.source().index(), row.record());
        }
        writeString(out, outcome.profile().payer());
        writeString(out, outcome.profile().taxonomy());
        writeString(out, outcome.profile().npi());
        writeString(out, outcome.profile().dateOfService());
        out.writeLong(outcome.profile().chargeCents());
        long[] notChecked = outcome.evaluation().notChecked().toArray();
        out.writeInt(notChecked.length);
        for (long count : notChecked) {
            out.writeLong(count);
        }
        out.writeInt(outcome.services().size());
        for (ClaimOutcome.Service service : outcome.services()) {
            out.writeInt(service.lineNumber());
            writeString(out, service.patientKey());
            writeString(out, service.dateOfService());
            writeString(out, service.procedureCode());
            writeString(out, service.modifiers());
            out.writeInt(service.units());
            writeString(out, service.renderingNpi());
            writeString(out, service.payer());
        }
    }

    /** The next outcome, or null at the end of the file; {@code sources} resolves rows' inputs. */
    static ClaimOutcome readOutcome(DataInputStream in, List<SourceInfo> sources)
            throws IOException {
        String claimId;
        try {
            claimId = readString(in);
        } catch (EOFException end) {
            return null;
        }
        long order = in.readLong();
        int scrubbed = in.readInt();
        int rejected = in.readInt();
        boolean fullyScrubbed = in.readBoolean();
        int findingCount = in.readInt();
        List<Finding> findings = new ArrayList<>(findingCount);
        for (int i = 0; i < findingCount; i++) {
            findings.add(readFinding(in));
        }
        int rowCount = in.readInt();
        List<ClaimRows.Row> rows = new ArrayList<>(rowCount);
        for (int i = 0; i < rowCount; i++) {
            SourcedRecord row = readRecord(in);
            rows.add(new ClaimRows.Row(sources.get(row.source()), row.record()));
        }
        ClaimOutcome.Profile profile =
                new ClaimOutcome.Profile(
                        readString(in),
                        readString(in),
                        readString(in),
                        readString(in),
                        in.readLong());
        long[] notChecked = new long[in.readInt()];
        for (int i = 0; i < notChecked.length; i++) {
            notChecked[i] = in.readLong();
        }
        int serviceCount = in.readInt();
        List<ClaimOutcome.Service> services = new ArrayList<>(serviceCount);
        for (int i = 0; i < serviceCount; i++) {
            services.add(
                    new ClaimOutcome.Service(
                            in.readInt(),
                            readString(in),
                            readString(in),
                            readString(in),
                            readString(in),
                            in.readInt(),
                            readString(in),
                            readString(in)));
        }
        return new ClaimOutcome(
                claimId,
                order,
                profile,
                new ClaimOutcome.Evaluation(findings, fullyScrubbed, NotChecked.of(notChecked)),
                new ClaimOutcome.Rows(scrubbed, rejected, rows),
                services);
    }

    private static void writeRecord(DataOutputStream out, int source, CsvRecord record)
            throws IOException {
        out.writeInt(source);
        out.writeLong(record.line());
        writeString(out, record.malformed());
        out.writeBoolean(record.oddCharacters());
        out.writeInt(record.cells().length);
        for (String cell : record.cells()) {
            writeString(out, cell);
        }
        if (record.raw() == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(record.raw().length);
            out.write(record.raw());
        }
    }

    private static SourcedRecord readRecord(DataInputStream in) throws IOException {
        int source = in.readInt();
        long line = in.readLong();
        String malformed = readString(in);
        boolean odd = in.readBoolean();
        String[] cells = new String[in.readInt()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = readString(in);
        }
        int rawLength = in.readInt();
        byte[] raw = null;
        if (rawLength >= 0) {
            raw = new byte[rawLength];
            in.readFully(raw);
        }
        return new SourcedRecord(source, new CsvRecord(cells, line, malformed, odd, raw));
    }

    private static void writeFinding(DataOutputStream out, Finding finding) throws IOException {
        writeString(out, finding.claimId());
        out.writeLong(finding.claimOrder());
        out.writeInt(finding.lineNumber() == null ? -1 : finding.lineNumber());
        out.writeByte(finding.severity().ordinal());
        out.writeByte(finding.category().ordinal());
        writeString(out, finding.ruleId());
        writeString(out, finding.procedureCode());
        writeString(out, finding.message());
        writeString(out, finding.source());
        writeString(out, finding.inputFile());
        out.writeLong(finding.inputLine());
        writeString(out, finding.suppressed());
    }

    private static Finding readFinding(DataInputStream in) throws IOException {
        String claimId = readString(in);
        long claimOrder = in.readLong();
        int line = in.readInt();
        Severity severity = Severity.values()[in.readByte()];
        Category category = Category.values()[in.readByte()];
        return new Finding(
                claimId,
                claimOrder,
                line < 0 ? null : line,
                severity,
                category,
                readString(in),
                readString(in),
                readString(in),
                readString(in),
                readString(in),
                in.readLong(),
                readString(in));
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
