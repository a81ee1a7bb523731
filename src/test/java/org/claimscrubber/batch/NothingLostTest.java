package org.claimscrubber.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.claimscrubber.Cli;
import org.claimscrubber.Shipped;
import org.claimscrubber.report.ReportFiles;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: the attacks that lost claims or released them wrongly, each a test that failed before
 * its fix, grouped by what they protect: rows forwarded as read, every line accounted for, nothing
 * unscrubbed released, outputs that never overwrite inputs or follow links, and clear refusals.
 */
class NothingLostTest {

    @TempDir Path dir;

    /**
     * A command with the shipped rules and seeds, no rules cache, and run's dates checked against a
     * fixed day.
     */
    private Cli.Result run(String... args) {
        int command = args[0].equals("rules") ? 2 : 1; // "rules check" is a command of two words
        List<String> all = new ArrayList<>(Arrays.asList(args).subList(0, command));
        all.addAll(List.of("--rules", "rules", "--seeds", "seeds", "--no-rules-cache"));
        all.addAll(Arrays.asList(args).subList(command, args.length));
        if (args[0].equals("run")) {
            all.addAll(1, List.of("--as-of", "2026-11-24"));
        }
        return Cli.execute(all.toArray(new String[0]));
    }

    private JsonNode manifest(Path out) throws Exception {
        return new ObjectMapper().readTree(out.resolve("run.json").toFile());
    }

    private static List<byte[]> lines(byte[] file) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == '\n') {
                lines.add(Arrays.copyOfRange(file, start, i + 1));
                start = i + 1;
            }
        }
        if (start < file.length) {
            lines.add(Arrays.copyOfRange(file, start, file.length));
        }
        return lines;
    }

    @Nested
    class RowsAreForwardedAsRead {

        /**
         * Latin-1 bytes, a BOM, CRLF, quoting, a formula-looking cell and semicolons all come out
         * as they came.
         */
        @Test
        void everyCleanRowIsByteIdenticalToItsInputRow() throws Exception {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            bytes.write(
                    "claim_id;line_number;date_of_service;procedure_code;diagnosis_codes;payer;note\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            bytes.write(
                    "L1;1;2026-11-02;99213;C18.9;\"Aetna; PPO\";Jos"
                            .getBytes(StandardCharsets.US_ASCII));
            bytes.write(0xE9); // Latin-1 é
            bytes.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            bytes.write(
                    "L2;1;2026-11-02;99213;C18.9;Aetna;=1+1\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            bytes.write(
                    "L3;1;2026-11-02;99213;C18.9;Aetna;\"two\r\nlines\"\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            Path input = Files.write(dir.resolve("latin1.csv"), bytes.toByteArray());
            Path out = dir.resolve("out");
            assertThat(run("run", "--split", "--out", out.toString(), input.toString()).exitCode())
                    .isZero();

            byte[] clean = Files.readAllBytes(out.resolve("clean-claims.csv"));
            List<byte[]> inputLines = lines(bytes.toByteArray());
            assertThat(clean)
                    .as("header with its BOM, then the three rows, each as stored")
                    .isEqualTo(bytes.toByteArray());
            assertThat(lines(clean)).hasSize(inputLines.size());
        }

        /**
         * Two inputs with different header names: each file's rows under its own header, no cell
         * lost.
         */
        @Test
        void inputsWithDifferentHeadersAreForwardedEachUnderItsOwnHeader() throws Exception {
            Path a =
                    Files.writeString(
                            dir.resolve("a.csv"),
                            "Claim Number,Line #,DOS,CPT,Dx 1\nA1,1,11/02/2026,99213,C18.9\n");
            Path b =
                    Files.writeString(
                            dir.resolve("b.csv"),
                            "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes,prior_auth,rendering_npi\n"
                                    + "B1,1,2026-11-02,99213,C18.9,PA-778,1234567893\n");
            Path out = dir.resolve("out");
            Cli.Result result =
                    run("run", "--split", "--out", out.toString(), a.toString(), b.toString());
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(Files.readString(out.resolve("clean-claims-1-a.csv")))
                    .isEqualTo(Files.readString(a));
            assertThat(Files.readString(out.resolve("clean-claims-2-b.csv")))
                    .isEqualTo(Files.readString(b));
            assertThat(Files.readString(out.resolve("held-claims-2-b.csv")))
                    .isEqualTo(
                            "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes,prior_auth,"
                                    + "rendering_npi,held_by\n");
            assertThat(manifest(out).get("reports").toString())
                    .contains("clean-claims-1-a.csv", "held-claims-2-b.csv");
        }

        /**
         * Reworking last night's held file: its held_by column is dropped, never doubled, and clean
         * rows are the originals.
         */
        @Test
        void aReworkedHeldFileIsForwardedWithoutItsHeldByColumn() throws Exception {
            Path input =
                    Files.writeString(
                            dir.resolve("claims.csv"),
                            "claim_id,line_number,date_of_service,"
                                    + "procedure_code,units,diagnosis_codes,payer\nR1,1,2026-11-02,0353T,3,C50.911,Medicare\n"
                                    + "R2,1,2026-11-02,99213,1,C18.9,Aetna\n");
            Path night1 = dir.resolve("night1");
            assertThat(
                            run("run", "--split", "--out", night1.toString(), input.toString())
                                    .exitCode())
                    .isZero();
            String held = Files.readString(night1.resolve("held-claims.csv"));
            assertThat(held).contains("R1,1,2026-11-02,0353T,3,C50.911,Medicare,NCCI-MUE-002");

            Path reworked =
                    Files.writeString(
                            dir.resolve("reworked.csv"), held.replace("0353T,3", "0353T,2"));
            Path night2 = dir.resolve("night2");
            assertThat(
                            run("run", "--split", "--out", night2.toString(), reworked.toString())
                                    .exitCode())
                    .isZero();
            assertThat(Files.readString(night2.resolve("clean-claims.csv")))
                    .isEqualTo(
                            "claim_id,line_number,"
                                    + "date_of_service,procedure_code,units,diagnosis_codes,payer\nR1,1,2026-11-02,0353T,2,C50.911,Medicare\n");
            assertThat(Files.readString(night2.resolve("held-claims.csv")))
                    .isEqualTo(
                            "claim_id,line_number,date_of_service,procedure_code,units,diagnosis_codes,payer,held_by\n");
            assertThat(
                            run(
                                            "run",
                                            "--out",
                                            dir.resolve("night3").toString(),
                                            reworked.toString())
                                    .out())
                    .doesNotContain("columns not read");
        }
    }

    @Nested
    class EveryLineIsAccountedFor {

        /** Issue 23: a title line above the header gave exit 3. */
        @Test
        void aTitleLineAboveTheHeaderIsSkippedAndSaid() throws Exception {
            Path out = dir.resolve("title");
            Cli.Result result =
                    Cli.execute(
                            "run",
                            "--as-of",
                            "2026-11-24",
                            "--out",
                            out.toString(),
                            "samples/bad/title-line.csv");
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out())
                    .contains(
                            "2 rows (2 scrubbed, 0 rejected)",
                            "skipped, not claim rows: 1",
                            "lines 1)")
                    .doesNotContain("data lines read as");
        }

        /**
         * Issue 23: a title block of wider lines is not recognised as a title; --skip-lines skips
         * it, each line counted and named as not a claim row, and the refusal without it says so.
         */
        @Test
        void aWideTitleBlockIsSkippedWithSkipLines() throws Exception {
            Path file =
                    Files.writeString(
                            dir.resolve("titled.csv"),
                            "Charge Detail Report,North Clinic,Run 12/03/2026\n"
                                    + "Printed by,billing,page 1\n"
                                    + "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes\n"
                                    + "C1,1,2026-11-02,99213,C18.9\nC2,1,2026-11-02,99213,C18.9\n");
            Cli.Result refused =
                    Cli.execute("run", "--out", dir.resolve("a").toString(), file.toString());
            assertThat(refused.exitCode()).isEqualTo(3);
            assertThat(refused.err())
                    .contains(
                            file + ":1: the first line names none of the columns", "--skip-lines N")
                    .doesNotContain("North Clinic");

            Path out = dir.resolve("b");
            Cli.Result result =
                    Cli.execute(
                            "run",
                            "--as-of",
                            "2026-11-24",
                            "--skip-lines",
                            "2",
                            "--out",
                            out.toString(),
                            file.toString());
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out())
                    .contains(
                            "2 rows (2 scrubbed, 0 rejected)",
                            "skipped, not claim rows: 2",
                            "lines 1, 2)");
            assertThat(manifest(out).at("/inputs/0/not_claim_rows").asLong()).isEqualTo(2);

            Cli.Result tooMany =
                    Cli.execute(
                            "run",
                            "--skip-lines",
                            "3",
                            "--out",
                            dir.resolve("c").toString(),
                            file.toString());
            assertThat(tooMany.exitCode()).isEqualTo(3);
            assertThat(tooMany.err())
                    .contains(
                            file + ":4: the line below the skipped ones names none of the columns")
                    .doesNotContain("C1");
            Cli.Result pastTheEnd =
                    Cli.execute(
                            "run",
                            "--skip-lines",
                            "9",
                            "--out",
                            dir.resolve("d").toString(),
                            file.toString());
            assertThat(pastTheEnd.err())
                    .contains(file + ": has 5 lines, so --skip-lines 9 leaves no header");
            Cli.Result negative =
                    Cli.execute(
                            "run",
                            "--skip-lines",
                            "-1",
                            "--out",
                            dir.resolve("e").toString(),
                            file.toString());
            assertThat(negative.exitCode()).isEqualTo(2);
            assertThat(negative.err())
                    .contains("--skip-lines takes a number of lines, 0 or more, not -1");
        }

        @Test
        void aDataRowWhereTheHeaderShouldBeIsStillRefused() throws Exception {
            Path file =
                    Files.writeString(
                            dir.resolve("headerless.csv"),
                            "C1,1,2026-11-02,99213,C18.9\nC2,1,2026-11-02,99213,C18.9\n");
            Cli.Result result =
                    Cli.execute("run", "--out", dir.resolve("o").toString(), file.toString());
            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.err()).contains("not a header row").doesNotContain("C1");
        }

        /**
         * Issue 23: a row of delimiters and a "Total Charges" footer became held "claims" at the
         * top of the worklist.
         */
        @Test
        void rowsThatAreNotClaimRowsAreCountedAndNamedNotHeld() throws Exception {
            Path out = dir.resolve("junk");
            Cli.Result result =
                    Cli.execute(
                            "run",
                            "--as-of",
                            "2026-11-24",
                            "--out",
                            out.toString(),
                            "samples/bad/junk-rows.csv");
            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).contains("skipped, not claim rows: 2", "lines 3, 5");
            JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
            assertThat(run.at("/claims/read").asLong()).isEqualTo(2);
            assertThat(run.at("/claims/held").asLong()).isZero();
            assertThat(run.at("/inputs/0/not_claim_rows").asLong()).isEqualTo(2);
            assertThat(Files.readString(out.resolve("findings.csv"))).doesNotContain("Total");
        }

        @Test
        void aRowWithAClaimIdAndAClaimLineIsNeverSkipped() throws Exception {
            Path file =
                    Files.writeString(
                            dir.resolve("totals.csv"),
                            String.join(
                                    "\n",
                                    "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes",
                                    "Total-1,1,2026-11-02,99213,C18.9",
                                    "T2,,,,",
                                    ""));
            Path out = dir.resolve("kept");
            Cli.Result result =
                    Cli.execute(
                            "run",
                            "--as-of",
                            "2026-11-24",
                            "--out",
                            out.toString(),
                            file.toString());
            assertThat(result.out())
                    .doesNotContain("not claim rows")
                    .contains("2 rows (1 scrubbed, 1 rejected)");
        }

        /**
         * A stray quote used to swallow every line after it into one cell: the claims vanished from
         * every output.
         */
        @Test
        void aStrayQuoteCostsOnlyItsOwnRow() throws Exception {
            StringBuilder csv =
                    new StringBuilder(
                            "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes,note\n");
            csv.append("Q1,1,2026-11-02,11102,L98.9,lesion 5\" wide\n");
            for (int i = 2; i <= 30; i++) {
                csv.append("Q").append(i).append(",1,2026-11-02,99213,C18.9,ok\n");
            }
            csv.append("Q31,1,2026-11-02,99213,C18.9,a second \" quote\n");
            Path input = Files.writeString(dir.resolve("claims.csv"), csv);
            Path out = dir.resolve("out");
            assertThat(run("run", "--split", "--out", out.toString(), input.toString()).exitCode())
                    .isZero();
            JsonNode rows = manifest(out).get("rows");
            assertThat(rows.get("read").asLong()).isEqualTo(31);
            assertThat(rows.get("rejected").asLong()).isEqualTo(2);
            String findings = Files.readString(out.resolve("findings.csv"));
            assertThat(findings)
                    .contains(
                            "Q1,1,ERROR,INPUT,INPUT-001",
                            "claims.csv,2",
                            "claims.csv,32",
                            "field 6 has a quote inside it");
            assertThat(Files.readAllLines(out.resolve("clean-claims.csv"))).hasSize(1 + 29);
            assertThat(Files.readAllLines(out.resolve("held-claims.csv"))).hasSize(1 + 2);
        }

        /**
         * A quote that does open a field but runs for lines, leaving a row no row of the file can
         * be.
         */
        @Test
        void aQuotedFieldThatSwallowsRowsIsRejectedAndTheRowsReadAgain() throws Exception {
            Path input =
                    Files.writeString(
                            dir.resolve("claims.csv"),
                            "claim_id,line_number,date_of_service,"
                                    + "procedure_code,diagnosis_codes,note\nW1,1,2026-11-02,99213,C18.9,\"opened\nW2,1,2026-11-02,99213,"
                                    + "C18.9,ok\nW3,1,2026-11-02,99213,C18.9,closed\" here\nW4,1,2026-11-02,99213,C18.9,ok\n");
            Path out = dir.resolve("out");
            Cli.Result result = run("run", "--out", out.toString(), input.toString());
            assertThat(result.exitCode()).isZero();
            String findings = Files.readString(out.resolve("findings.csv"));
            assertThat(manifest(out).at("/rows/read").asLong()).isEqualTo(4);
            assertThat(findings).contains("W1,").contains("W3,").doesNotContain("W2,", "W4,");
        }

        @Test
        void anOldMacExportWithCarriageReturnsOnlyIsReadRowByRow() throws Exception {
            Path input =
                    Files.writeString(
                            dir.resolve("mac.csv"),
                            "claim_id,line_number,date_of_service,procedure_code,"
                                    + "diagnosis_codes,patient_id\rM1,1,2026-11-02,99213,C18.9,PT-SECRET-1\rM2,1,2026-11-02,0353T,"
                                    + "C50.911,PT-SECRET-2\r");
            Path out = dir.resolve("out");
            Cli.Result result =
                    run("run", "--fail-on", "error", "--out", out.toString(), input.toString());
            assertThat(manifest(out).at("/rows/read").asLong()).isEqualTo(2);
            assertThat(result.out() + result.err() + Files.readString(out.resolve("run.json")))
                    .doesNotContain("PT-SECRET");
        }

        @Test
        void aHeaderWhoseQuoteClosesLinesLaterIsRefusedWithoutEchoingTheRows() throws Exception {
            Path input =
                    Files.writeString(
                            dir.resolve("claims.csv"),
                            "claim_id,line_number,\"date_of_service,"
                                    + "procedure_code\nH1,1,2026-11-02,99213,PT-SECRET\nH2,1,2026-11-02,99213,x\",more\n");
            Cli.Result result =
                    run("run", "--out", dir.resolve("out").toString(), input.toString());
            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.err())
                    .contains("the header row runs over 3 lines")
                    .doesNotContain("PT-SECRET", "H1");
        }

        @Test
        void aHeaderCellThatIsDataIsRefusedWithoutEchoingIt() throws Exception {
            Path input =
                    Files.writeString(
                            dir.resolve("claims.csv"),
                            "claim_id,line_number,date_of_service,"
                                    + "procedure_code,"
                                    + "PT-SECRET ".repeat(40)
                                    + "\nH1,1,2026-11-02,99213,x\n");
            Cli.Result result =
                    run("run", "--out", dir.resolve("out").toString(), input.toString());
            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.err())
                    .contains("header cell 5 is 400 characters long")
                    .doesNotContain("PT-SECRET");
        }

        @Test
        void aFileOfAHeaderAndNoRowsIsSaid() throws Exception {
            Path input =
                    Files.writeString(
                            dir.resolve("claims.csv"),
                            "claim_id,line_number,date_of_service,procedure_code\n");
            Cli.Result result =
                    run("run", "--out", dir.resolve("out").toString(), input.toString());
            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).contains("the file has a header and no rows");
        }
    }

    @Nested
    class NothingUnscrubbedIsReleased {

        /**
         * The payer slid into the diagnosis column and the MUE ERROR of a 3-unit 0353T was missed.
         */
        @Test
        void aShiftedRowWithAnEmptyLastColumnIsNotTakenForATrailingDelimiter() throws Exception {
            Path input =
                    Files.writeString(
                            dir.resolve("claims.csv"),
                            "claim_id,line_number,date_of_service,"
                                    + "procedure_code,units,diagnosis_codes,payer\nS1,1,2026-11-02,99213,1,C18.9,Aetna\n"
                                    + "S2,1,2026-11-02,0353T,3,Smith, J,\n");
            Path out = dir.resolve("out");
            assertThat(run("run", "--split", "--out", out.toString(), input.toString()).exitCode())
                    .isZero();
            assertThat(Files.readString(out.resolve("findings.csv")))
                    .contains(
                            "S2,1,ERROR,INPUT,INPUT-001",
                            "the row has 8 fields but the header has 7");
            assertThat(Files.readString(out.resolve("clean-claims.csv"))).doesNotContain("S2");
        }

        @Test
        void theInputRulesCannotBeSwitchedOffAndUnreadRowsAreHeldWhateverTheConfigSays()
                throws Exception {
            Path config =
                    Files.writeString(dir.resolve("off.conf"), "disable.categories = INPUT\n");
            Path input =
                    Files.writeString(
                            dir.resolve("claims.csv"),
                            "claim_id,line_number,date_of_service,procedure_code\nU1,1,not-a-date,99213\n");
            Cli.Result refused =
                    run(
                            "run",
                            "--config",
                            config.toString(),
                            "--out",
                            dir.resolve("out").toString(),
                            input.toString());
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err())
                    .contains("off.conf:1: the INPUT category cannot be switched off")
                    .contains("fix the config file")
                    .doesNotContain("fix the rules");
            Files.writeString(config, "disable.rules = INPUT-001\n");
            assertThat(
                            run(
                                            "run",
                                            "--config",
                                            config.toString(),
                                            "--out",
                                            dir.resolve("out").toString(),
                                            input.toString())
                                    .err())
                    .contains("INPUT-001 cannot be switched off");
        }

        @Test
        void anExactDuplicateRowIsADuplicateAndHoldsItsClaim() throws Exception {
            String row = "D1,1,2026-11-02,99213,C18.9\n";
            Path input =
                    Files.writeString(
                            dir.resolve("claims.csv"),
                            "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes\n"
                                    + row);
            Path out = dir.resolve("out");
            assertThat(
                            run(
                                            "run",
                                            "--split",
                                            "--out",
                                            out.toString(),
                                            input.toString(),
                                            input.toString())
                                    .exitCode())
                    .isZero();
            assertThat(Files.readString(out.resolve("findings.csv")))
                    .contains("D1,1,ERROR,DUPLICATE,DUP-002");
            assertThat(Files.readString(out.resolve("clean-claims-1-claims.csv")))
                    .doesNotContain("D1");
            assertThat(Files.readString(out.resolve("held-claims-2-claims.csv")))
                    .contains("D1,1,2026-11-02,99213,C18.9,DUP-002");
        }

        @Test
        void implausibleDatesOfServiceAreNotRead() throws Exception {
            Path input =
                    Files.writeString(
                            dir.resolve("claims.csv"),
                            "claim_id,line_number,date_of_service,"
                                    + "procedure_code,diagnosis_codes\nY1,1,0000-01-01,99213,C18.9\nY2,1,1899-12-31,99213,C18.9\n"
                                    + "Y3,1,-0001-01-01,99213,C18.9\nY4,1,02/11/2026,99213,C18.9\n");
            Path out = dir.resolve("out");
            Cli.Result result = run("run", "--out", out.toString(), input.toString());
            assertThat(manifest(out).at("/rows/rejected").asLong()).isEqualTo(3);
            assertThat(result.out()).contains("slash dates were read as month/day/year (US order)");
        }

        @Test
        void chargesThatAreNotPlainAmountsAreSaidAndLeftOutOfTheTotals() throws Exception {
            Path input =
                    Files.writeString(
                            dir.resolve("claims.csv"),
                            "claim_id,line_number,date_of_service,"
                                    + "procedure_code,diagnosis_codes,charge\nM1,1,2026-11-02,0353T,C50.911,١٠٠\n"
                                    + "M2,1,2026-11-02,0353T,C50.911,\"1.234,00\"\nM3,1,2026-11-02,0353T,C50.911,\"$4,210.00\"\n");
            Path out = dir.resolve("out");
            run("run", "--out", out.toString(), input.toString());
            String findings = Files.readString(out.resolve("findings.csv"));
            assertThat(findings)
                    .contains("M1,1,WARNING,INPUT,INPUT-002", "M2,1,WARNING,INPUT,INPUT-002")
                    .doesNotContain("M3,1,WARNING,INPUT");
            assertThat(Files.readAllLines(out.resolve("claim-summary.csv")))
                    .anyMatch(line -> line.startsWith("M1,") && line.endsWith(",0.00"))
                    .anyMatch(line -> line.startsWith("M2,") && line.endsWith(",0.00"))
                    .anyMatch(line -> line.startsWith("M3,") && line.endsWith(",4210.00"));
        }
    }

    @Nested
    class OutputsAreSafe {

        @Test
        void anInputThatIsAReportOfTheRunIsRefused() throws Exception {
            Path out = Files.createDirectories(dir.resolve("out"));
            Path held =
                    Files.writeString(
                            out.resolve("held-claims.csv"),
                            "claim_id,line_number,date_of_service,procedure_code,held_by\nR1,1,2026-11-02,99213,X\n");
            Cli.Result result = run("run", "--split", "--out", out.toString(), held.toString());
            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.err()).contains("is a report this run writes");
            assertThat(Files.readString(held)).contains("R1,1");
        }

        @Test
        void aPlantedLinkAtATemporaryReportNameIsNotFollowed() throws Exception {
            Path out = Files.createDirectories(dir.resolve("out"));
            Path target = dir.resolve("stolen.csv");
            Files.createSymbolicLink(out.resolve(".clean-claims.csv.partial"), target);
            Path input =
                    Files.writeString(
                            dir.resolve("claims.csv"),
                            "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes\nK1,1,2026-11-02,99213,C18.9\n");
            assertThat(run("run", "--split", "--out", out.toString(), input.toString()).exitCode())
                    .isZero();
            assertThat(target).doesNotExist();
            assertThat(Files.isSymbolicLink(out.resolve("clean-claims.csv"))).isFalse();
            assertThat(
                            PosixFilePermissions.toString(
                                    Files.getPosixFilePermissions(
                                            out.resolve("clean-claims.csv"),
                                            LinkOption.NOFOLLOW_LINKS)))
                    .isEqualTo("rw-------");
        }

        @Test
        void aBadBaselineIsRefusedBeforeTheRunStarts() throws Exception {
            Path input =
                    Files.writeString(
                            dir.resolve("claims.csv"),
                            "claim_id,line_number,date_of_service,procedure_code\nK1,1,2026-11-02,99213\n");
            Cli.Result result =
                    run(
                            "run",
                            "--baseline",
                            dir.resolve("nowhere").toString(),
                            "--out",
                            dir.resolve("out").toString(),
                            input.toString());
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("--baseline").contains("is not a report folder");
            assertThat(dir.resolve("out").resolve(ReportFiles.MANIFEST)).doesNotExist();
        }

        @Test
        void anEmptyHeldFileStillHasItsHeader() throws Exception {
            Path input =
                    Files.writeString(
                            dir.resolve("claims.csv"),
                            "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes\nK1,1,2026-11-02,99213,C18.9\n");
            Path out = dir.resolve("out");
            run("run", "--split", "--out", out.toString(), input.toString());
            assertThat(Files.readString(out.resolve("held-claims.csv")))
                    .isEqualTo(
                            "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes,held_by\n");
        }

        @Test
        void aHiddenFileInAnInputFolderIsSkippedWithANote() throws Exception {
            Path folder = Files.createDirectories(dir.resolve("nightly"));
            Files.writeString(
                    folder.resolve("claims.csv"),
                    "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes\nK1,1,2026-11-02,99213,C18.9\n");
            Files.write(folder.resolve("._claims.csv"), new byte[] {0, 5, 22, 7, 0, 2, 0, 0});
            Files.writeString(
                    folder.resolve("LATE_BATCH.CSV"),
                    "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes\nK2,1,2026-11-02,99213,C18.9\n");
            Path out = dir.resolve("out");
            Cli.Result result = run("run", "--out", out.toString(), folder.toString());
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.err()).contains("._claims.csv: skipped, a hidden file");
            assertThat(manifest(out).at("/rows/read").asLong()).isEqualTo(2);
        }
    }

    @Nested
    class ClearRefusals {

        @Test
        void aConfigFileThatIsNotUtf8NamesItsLine() throws Exception {
            Path config = dir.resolve("latin1.conf");
            Files.write(
                    config,
                    new byte[] {
                        '#',
                        ' ',
                        'o',
                        'k',
                        '\n',
                        'p',
                        'a',
                        'y',
                        'e',
                        'r',
                        '.',
                        'X',
                        ' ',
                        '=',
                        ' ',
                        (byte) 0xE9,
                        '\n'
                    });
            Cli.Result result = run("rules", "check", "--config", config.toString());
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err())
                    .contains("latin1.conf:2: the config file is not UTF-8 (byte 0xE9")
                    .doesNotContain("Input length", "fix the rules");
        }

        @Test
        void aKeyGivenTwiceInTheConfigIsRefused() throws Exception {
            Path config =
                    Files.writeString(
                            dir.resolve("twice.conf"),
                            "hold.on = warning\n# later\nhold.on = error\n");
            Cli.Result result = run("rules", "check", "--config", config.toString());
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err())
                    .contains("twice.conf:3: 'hold.on' is given twice (lines 1 and 3)");
        }

        @Test
        void aBinaryRuleFileIsNamed() throws Exception {
            Path rules = Shipped.copyRules(dir.resolve("rules"));
            Files.write(
                    rules.resolve("zz-binary.drl"), new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2});
            Cli.Result result =
                    Cli.execute("rules", "check", "--rules", rules.toString(), "--no-rules-cache");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("zz-binary.drl:1:1: not a DRL text file");
        }

        /**
         * System.exit in a rule gave exit 0 and no report; file access and threads passed rules
         * check too.
         */
        @Test
        void aRuleThatReachesOutsideWhatARuleNeedsIsRefusedByRulesCheck() throws Exception {
            Path rules = Shipped.copyRules(dir.resolve("rules"));
            Files.writeString(
                    rules.resolve("zz-evil.drl"),
                    """
                    package scrubber;
                    import org.claimscrubber.domain.ClaimLine;
                    global org.claimscrubber.domain.FindingCollector findings;
                    rule "Exits"
                        @id("EVIL-001") @severity("ERROR") @category("CODE") @description("exits")
                    when
                        $line : ClaimLine()
                    then
                        System.exit(0);
                    end
                    rule "Writes a file"
                        @id("EVIL-002") @severity("ERROR") @category("CODE") @description("writes")
                    when
                        $line : ClaimLine()
                    then
                        java.nio.file.Files.writeString(java.nio.file.Path.of("x"), "y");
                    end
                    rule "Starts a thread"
                        @id("EVIL-003") @severity("ERROR") @category("CODE") @description("threads")
                    when
                        $line : ClaimLine()
                    then
                        new Thread(() -> {}).start();
                    end
                    rule "Reflects"
                        @id("EVIL-004") @severity("ERROR") @category("CODE") @description("reflects")
                    when
                        $line : ClaimLine()
                    then
                        Class.forName("java.lang.Runtime");
                    end
                    """);
            Cli.Result result =
                    Cli.execute("rules", "check", "--rules", rules.toString(), "--no-rules-cache");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err())
                    .contains(
                            "zz-evil.drl:4:1: a rule may not use java.lang.System",
                            "zz-evil.drl:11:1: a rule may not use java.nio.file.Files",
                            "zz-evil.drl:18:1: a rule may not use" + " java.lang.Thread",
                            "zz-evil.drl:25:1: a rule may not use java.lang.Class.forName");
        }

        /**
         * A condition is MVEL, not compiled bytecode: the bytecode check could not see System.exit
         * written there.
         */
        @Test
        void aConditionThatReachesOutsideWhatARuleNeedsIsRefusedToo() throws Exception {
            Path rules = Shipped.copyRules(dir.resolve("rules"));
            Files.writeString(
                    rules.resolve("zz-evil-when.drl"),
                    """
                    package scrubber;
                    import org.claimscrubber.domain.ClaimLine;
                    global org.claimscrubber.domain.FindingCollector findings;
                    rule "Exits in a condition"
                        @id("EVIL-011") @severity("ERROR") @category("CODE") @description("exits")
                    when
                        $line : ClaimLine(System.exit(0) == null)
                    then
                    end
                    rule "Reads a file in a from"
                        @id("EVIL-012") @severity("ERROR") @category("CODE") @description("reads")
                    when
                        $line : ClaimLine()
                        $text : String() from java.nio.file.Files.readAllLines(java.nio.file.Path.of("/etc/passwd"))
                    then
                    end
                    rule "Reflects in a constraint"
                        @id("EVIL-013") @severity("ERROR") @category("CODE") @description("reflects")
                    when
                        $line : ClaimLine(getClass().getClassLoader() != null)
                    then
                    end
                    rule "Names System only in a string"
                        @id("EVIL-014") @severity("ERROR") @category("CODE") @description("a payer called System")
                    when
                        $line : ClaimLine(payer == "System.exit")
                    then
                    end
                    """);
            Cli.Result result =
                    Cli.execute("rules", "check", "--rules", rules.toString(), "--no-rules-cache");
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err())
                    .contains(
                            "zz-evil-when.drl:7:1: a condition may not use System",
                            "zz-evil-when.drl:14:1: a condition may not use java.nio.file.Files",
                            "zz-evil-when.drl:20:1: a condition may not use getClass")
                    .doesNotContain("EVIL-014", "Names System only");
        }
    }
}
