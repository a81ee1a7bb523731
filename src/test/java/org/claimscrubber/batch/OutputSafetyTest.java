package org.claimscrubber.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.claimscrubber.Cli;
import org.claimscrubber.files.WorkFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run writes and what it never writes: no patient data, no live formulas or terminal
 * sequences, reports replaced whole or not at all, temporary files private and cleaned up.
 */
class OutputSafetyTest {

    @TempDir Path dir;

    private static Cli.Result run(String... args) {
        return Cli.execute(args);
    }

    private static final String PATIENT_ID = "PTSECRET4711";
    private static final String BIRTH_DATE = "1957-03-14";
    private static final String PATIENT_HEADER =
            "claim_id,line_number,date_of_service,procedure_code,modifiers,units,"
                    + "diagnosis_codes,patient_id,patient_birth_date,patient_sex";

    @Test
    void anOutputFolderThatIsAFileIsExitFiveWithOneSentenceAndNoStackTrace() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        Cli.Result result =
                run(
                        "run",
                        "--rules",
                        "rules",
                        "--seeds",
                        "seeds",
                        "--out",
                        file.toString(),
                        "samples/export/claims.csv");
        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err())
                .contains("the report cannot be written", "is not a folder")
                .doesNotContain("\tat ", "Exception");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void terminalEscapeSequencesInHeadersAndCellsAreShownEscaped() throws Exception {
        String osc = "\u001B]0;owned\u0007";
        String clear = "\u001B[2J";
        Path claims =
                Files.writeString(
                        dir.resolve("ansi.csv"),
                        "claim_id,line_number,date_of_service,procedure_code,"
                                + "diagnosis_codes,note"
                                + osc
                                + "\n"
                                + "C"
                                + clear
                                + "1,1,2026-11-02,99213,C18.9,x\n"
                                + "C2,1,2026-11-02,0352T"
                                + clear
                                + ",C18.9,x\n");
        Path out = dir.resolve("out");
        Cli.Result result = Cli.scrub(out.toString(), claims.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out() + result.err())
                .doesNotContain("\u001B")
                .contains("\\u001B]0;owned\\u0007");
        String findings = Files.readString(out.resolve("findings.csv"));
        assertThat(findings).doesNotContain("\u001B").contains("\\u001B[2J");

        // A file name is echoed in error messages: its control characters are escaped too.
        Path named = Files.writeString(dir.resolve("x" + clear + ".csv"), "a,b\n1,2\n");
        Cli.Result refused = run("run", "--out", dir.resolve("out2").toString(), named.toString());
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).doesNotContain("\u001B").contains("x\\u001B[2J.csv");
    }

    /** Defect 6: two runs into one --out deleted and overwrote each other's files. */
    @Test
    void aSecondRunIntoABusyReportFolderIsRefusedAndTheFirstRunsReportIsKept() throws Exception {
        Path out = dir.resolve("out");
        assertThat(Cli.scrub(out.toString(), "samples/export/claims.csv").exitCode()).isZero();
        String before = Files.readString(out.resolve("findings.csv"));
        try (var channel =
                        FileChannel.open(
                                out.resolve(".claim-scrubber.lock"), StandardOpenOption.WRITE);
                var held = channel.lock()) {
            Cli.Result second = Cli.scrub(out.toString(), "samples/export/claims.csv");
            assertThat(second.exitCode()).isEqualTo(5);
            assertThat(second.err())
                    .contains("another claim-scrubber run is writing to", "--wait")
                    .doesNotContain("\tat ");
        }
        assertThat(Files.readString(out.resolve("findings.csv"))).isEqualTo(before);
        assertThat(Cli.scrub(out.toString(), "samples/export/claims.csv").exitCode())
                .as("the folder is free again")
                .isZero();
    }

    /**
     * Defect 10: after kill -9, .partitions-PID/ and .stdin-PID.csv (patient rows) stayed in the
     * folder for ever.
     */
    @Test
    void temporaryFilesOfADeadRunAreRemovedByTheNextRunAndLiveOnesAreKept() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        long dead = Long.MAX_VALUE - 7; // no process has this id
        Path partitions = Files.createDirectories(out.resolve(".partitions-" + dead));
        Files.writeString(partitions.resolve("p0.rows"), "C1,PTSECRET4711\n");
        Path spool = Files.writeString(out.resolve(".stdin-" + dead + ".csv"), "claim_id\n");
        Path pipe = Files.writeString(out.resolve(".pipe-" + dead + "-0"), "claim_id\n");
        Path live =
                Files.writeString(
                        out.resolve(".stdin-" + ProcessHandle.current().pid() + ".csv"), "x");
        Path unrelated = Files.writeString(out.resolve(".stdin-notes.txt"), "x");
        assertThat(Cli.scrub(out.toString(), "samples/export/claims.csv").exitCode()).isZero();
        assertThat(partitions).doesNotExist();
        assertThat(spool).doesNotExist();
        assertThat(pipe).doesNotExist();
        assertThat(live).as("its process runs").exists();
        assertThat(unrelated).exists();
    }

    @Test
    void temporaryFilesAreOwnerOnly() throws Exception {
        Path file = dir.resolve("work/.stdin-1.csv");
        WorkFiles.createFile(file);
        Path folder = dir.resolve("work/.partitions-1");
        WorkFiles.createDirectory(folder);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void patientIdentifiersAndBirthDatesReachNoConsoleStreamOrReport() throws Exception {
        Path claims = dir.resolve("claims.csv");
        Files.writeString(
                claims,
                PATIENT_HEADER
                        + "\n"
                        + "P1,1,2026-11-02,19301,RT,1,C50.912,"
                        + PATIENT_ID
                        + ","
                        + BIRTH_DATE
                        + ",M\n"
                        + "P2,1,2026-11-02,99213,,1,"
                        + PATIENT_ID
                        + ","
                        + BIRTH_DATE
                        + ",F\n" // shifted: one field short
                        + "P3,1,"
                        + BIRTH_DATE
                        + ",99213,,two,C18.9,"
                        + PATIENT_ID
                        + ","
                        + BIRTH_DATE
                        + ",X\n"
                        + "P4,1,2026-11-02,99213,,1,C18.9,\""
                        + PATIENT_ID
                        + " never closed,"
                        + BIRTH_DATE
                        + ",F\n"
                        + "P5,1,2026-11-02,99213,,1,C18.9,="
                        + PATIENT_ID
                        + ","
                        + BIRTH_DATE
                        + ",F\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        Cli.Result result = Cli.scrub(out.toString(), "--progress", claims.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        // The random temp folder name may contain any digits, so it is taken out before looking for
        // the birth year.
        String console = (result.out() + result.err()).replace(dir.toString(), "<tmp>");
        assertThat(console).doesNotContain(PATIENT_ID, BIRTH_DATE, "1957");
        for (String report : List.of("findings.csv", "findings.json", "run.json")) {
            assertThat(Files.readString(out.resolve(report)))
                    .as(report)
                    .doesNotContain(PATIENT_ID, BIRTH_DATE);
        }
        assertThat(Files.readString(out.resolve("findings.csv"))).contains("PAT-001", "INPUT-001");
    }

    @Test
    void cellsThatWouldRunAsFormulasAreNeutralisedAndTheirClaimsHeld() throws Exception {
        Path claims = dir.resolve("claims.csv");
        Files.writeString(
                claims,
                "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes,charge\n"
                        + "=SUM(A1),1,2026-11-02,99213,C18.9,-5.00\n"
                        + "@cmd,1,2026-11-02,99213,C18.9,10.00\n"
                        + "OK1,1,2026-11-02,99213,C18.9,-5.00\n");
        Path out = dir.resolve("out");
        // A formula cell is a WARNING; --hold-on warning holds such claims (by default only ERRORs
        // hold).
        assertThat(
                        Cli.scrub(
                                        out.toString(),
                                        "--split",
                                        "--hold-on",
                                        "warning",
                                        claims.toString())
                                .exitCode())
                .isZero();
        String findings = Files.readString(out.resolve("findings.csv"));
        assertThat(findings)
                .contains("'=SUM(A1),1,WARNING,INPUT,INPUT-002", "'@cmd,1,WARNING,INPUT,INPUT-002")
                .doesNotContain("\n=SUM", "\n@cmd");
        // Forwarded rows are data, not a report: as read, byte for byte (issue 21); the reports
        // carry the guard.
        List<String> held = Files.readAllLines(out.resolve("held-claims.csv"));
        assertThat(held)
                .contains(
                        "=SUM(A1),1,2026-11-02,99213,C18.9,-5.00,INPUT-002",
                        "@cmd,1,2026-11-02,99213,C18.9,10.00,INPUT-002");
        assertThat(Files.readAllLines(out.resolve("clean-claims.csv")))
                .containsExactly(
                        "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes,charge",
                        "OK1,1,2026-11-02,99213,C18.9,-5.00");
    }
}
