package org.claimscrubber.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.Assertions;
import org.claimscrubber.ExportBuilder;
import org.claimscrubber.Shipped;
import org.claimscrubber.domain.Finding;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .xlsx versions of the CMS NCCI files, written here in their layouts (invented rows are TEST
 * DATA).
 */
class CmsWorkbooksTest {

    @TempDir Path dir;

    private void workbook(String name, Object[][] rows) throws Exception {
        try (OutputStream out = Files.newOutputStream(dir.resolve(name));
                Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Sheet1");
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    Object cell = rows[r][c];
                    if (cell instanceof Number number) {
                        sheet.value(r, c, number);
                    } else if (cell != null) {
                        sheet.value(r, c, cell.toString());
                    }
                }
            }
        }
    }

    private void allThree() throws Exception {
        workbook(
                "ccipra-v303r0-f1.xlsx",
                new Object[][] {
                    {
                        "CPT codes, descriptions and other data only are copyright 2023 American Medical Association."
                    },
                    {
                        "Column 1",
                        "Column 2",
                        "*=in existence prior to 1996",
                        "Effective Date",
                        "Deletion Date",
                        "Modifier",
                        "PTP Edit Rationale"
                    },
                    {
                        "0352T",
                        "36591",
                        null,
                        20140701,
                        "*",
                        0,
                        "CPT Manual or CMS manual coding instruction"
                    },
                    {
                        "0353T",
                        "76942",
                        null,
                        20140701,
                        "*",
                        1,
                        "Misuse of Column Two code with Column One code"
                    }
                });
        workbook(
                "MCR_MUE_PractitionerServices.xlsx",
                new Object[][] {
                    {
                        "CPT codes and descriptions only are copyright 2023 American Medical Association."
                    },
                    {
                        "HCPCS/CPT Code",
                        "Practitioner Services MUE Values",
                        "MUE Adjudication Indicator",
                        "MUE Rationale"
                    },
                    {"0353T", 2, "3 Date of Service Edit: Clinical", "Clinical: CMS Workgroup"},
                    {"76942", 1, "1 Line Edit", "TEST DATA: an invented line edit"}
                });
        workbook(
                "AOC_V2024Q3.xlsx",
                new Object[][] {
                    {
                        "Primary Code",
                        "Add-on Code",
                        "AOC Edit Type",
                        "Special Instruction Notes",
                        "AOC Deletion Date",
                        "Primary Code Deletion Date",
                        "AOC Edit Effective Date",
                        "AOC Edit Deletion Date"
                    },
                    {"88305", "0753T", 1, null, "*", "*", 2023001, "*"},
                    {"88342", "88341", 1, null, "*", "*", 2015001, "*"},
                    {
                        "CCCCC",
                        "99999",
                        2,
                        "TEST DATA: contractor-defined primaries",
                        "*",
                        "*",
                        2015001,
                        "*"
                    },
                    {"19301", "19999", 1, "TEST DATA: a deleted edit", "*", "*", 2015001, 2020001}
                });
    }

    @Test
    void theThreeWorkbooksLoad() throws Exception {
        allThree();
        ReferenceFiles reference = ReferenceFiles.load(dir);
        assertThat(reference.ncci().ptp()).hasSize(2);
        assertThat(reference.ncci().ptp().get(0).effective()).hasToString("2014-07-01");
        assertThat(reference.ncci().mue())
                .extracting(m -> m.code() + "=" + m.value() + "/" + m.adjudicationIndicator())
                .containsExactly("0353T=2/3", "76942=1/1");
        assertThat(reference.ncci().aoc())
                .extracting(a -> a.addOn() + "<-" + a.primaries() + " type " + a.type())
                .containsExactly(
                        "0753T<-[88305] type 1", "88341<-[88342] type 1", "99999<-[] type 2");
        assertThat(reference.loaded()).anyMatch(line -> line.contains("AOC workbook, 3 edits"));
    }

    @Test
    void anAddOnEditFromTheWorkbookApplies() throws Exception {
        allThree();
        Path claims =
                Files.writeString(
                        dir.resolve("claims.csv.txt"),
                        ExportBuilder.claims()
                                .line("C1", 1, "88341")
                                .payer("Medicare")
                                .and()
                                .line("C2", 1, "99999")
                                .payer("Medicare")
                                .and()
                                .csv());
        Path export =
                Files.move(claims, dir.getParent().resolve(dir.getFileName() + "-claims.csv"));
        List<Finding> findings = Shipped.scrub(Shipped.rules(), Shipped.factsWith(dir), export);
        assertThat(findings)
                .filteredOn(f -> f.ruleId().startsWith("NCCI-AOC"))
                .singleElement()
                .satisfies(f -> assertThat(f.claimId()).isEqualTo("C1"));
    }

    @Test
    void theHcpcsQuarterlyFileGivesEachCodeItsDatesOfUse() throws Exception {
        workbook(
                "HCPC2026_JAN_ANWEB.xlsx",
                new Object[][] {
                    {
                        "HCPC",
                        "SEQNUM",
                        "RECID",
                        "LONG DESCRIPTION",
                        "SHORT DESCRIPTION",
                        "ADD DT",
                        "ACT EFF DT",
                        "TERM DT",
                        "ACTION CD"
                    },
                    {
                        "G0202",
                        100,
                        3,
                        "(descriptor omitted)",
                        "(omitted)",
                        20020101,
                        20170101,
                        20161231,
                        "D"
                    },
                    {"G0202", 200, 4, "(continuation row)", null, null, null, null, null},
                    {
                        "G9999",
                        100,
                        3,
                        "TEST DATA: an invented code added in 2026",
                        "(omitted)",
                        20260101,
                        20260101,
                        null,
                        "A"
                    },
                    {"AA", 100, 7, "TEST DATA: a modifier row", null, 20000101, 20000101, null, "N"}
                });
        ReferenceFiles reference = ReferenceFiles.load(dir);
        assertThat(reference.hcpcs().lists("G0202")).isTrue();
        assertThat(reference.hcpcs().lists("AA")).as("modifier rows are not codes").isFalse();
        assertThat(reference.loaded())
                .anySatisfy(line -> assertThat(line).contains("CMS HCPCS quarterly file, 2 codes"));
        Path claims =
                Files.writeString(
                        dir.getParent().resolve(dir.getFileName() + "-hcpcs.csv"),
                        ExportBuilder.claims()
                                .line("C1", 1, "G0202")
                                .date("2017-01-02")
                                .diagnoses("Z12.31")
                                .and()
                                .line("C2", 1, "G9999")
                                .date("2025-12-31")
                                .diagnoses("Z12.31")
                                .and()
                                .line("C3", 1, "G9999")
                                .date("2026-01-02")
                                .diagnoses("Z12.31")
                                .and()
                                .csv());
        List<Finding> findings =
                Shipped.scrub(Shipped.rules(), Shipped.factsWith(dir), claims).stream()
                        .filter(f -> f.ruleId().equals("CODE-014"))
                        .toList();
        assertThat(findings).extracting(Finding::claimId).containsExactly("C1", "C2");
        assertThat(findings.get(0).message()).contains("last date of use 2016-12-31");
        assertThat(findings.get(1).message()).contains("in effect from 2026-01-01");
        assertThat(findings.get(0).source()).contains("HCPC2026_JAN_ANWEB.xlsx:2");
    }

    /**
     * Issue 21: a cut-off download, a workbook with a DOCTYPE and a zip bomb each give one
     * sentence, no trace.
     */
    @Test
    void aBrokenOrHostileWorkbookIsRefusedWithOneSentence() throws Exception {
        allThree();
        Path ptp = dir.resolve("ccipra-v303r0-f1.xlsx");
        byte[] whole = Files.readAllBytes(ptp);
        Files.write(ptp, Arrays.copyOf(whole, whole.length / 2));
        Assertions.assertThatThrownBy(() -> ReferenceFiles.load(dir))
                .isInstanceOf(FactsException.class)
                .hasMessage(
                        "ccipra-v303r0-f1.xlsx: not a readable .xlsx workbook (the file is cut off or is not an"
                                + " Excel file); download it from CMS again");
        Files.delete(ptp);

        Path bomb = dir.resolve("bomb.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                // 64 MB of zeros inflate from some 64 KB: a ratio no real workbook has
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        Assertions.assertThatThrownBy(() -> ReferenceFiles.load(dir))
                .isInstanceOf(FactsException.class)
                .hasMessageContaining("bomb.xlsx: the workbook inflates to more than")
                .hasMessageContaining("a zip bomb?");
        Files.delete(bomb);

        Path doctype = dir.resolve("doctype.xlsx");
        try (ZipFile in = new ZipFile(dir.resolve("MCR_MUE_PractitionerServices.xlsx").toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(doctype))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                byte[] content;
                try (InputStream part = in.getInputStream(entry)) {
                    content = part.readAllBytes();
                }
                if (entry.getName().equals("xl/sharedStrings.xml")) {
                    // an external entity, used in a cell: an XXE attempt on the reader
                    String xml = new String(content, StandardCharsets.UTF_8);
                    content =
                            xml.replaceFirst(
                                            "<sst",
                                            "<!DOCTYPE sst [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><sst")
                                    .replace(
                                            "Clinical: CMS Workgroup", "&e;Clinical: CMS Workgroup")
                                    .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        Files.delete(dir.resolve("MCR_MUE_PractitionerServices.xlsx"));
        // The reader does not resolve external entities: the workbook is refused, or read without
        // the file's text.
        try {
            ReferenceFiles loaded = ReferenceFiles.load(dir);
            assertThat(loaded.ncci().mue())
                    .isNotEmpty()
                    .allSatisfy(edit -> assertThat(edit.rationale()).doesNotContain("root:"));
        } catch (FactsException refused) {
            assertThat(refused)
                    .hasMessageStartingWith("doctype.xlsx: the workbook cannot be read (")
                    .hasMessageEndingWith("); download it from CMS again");
        }
    }
}
