package org.claimscrubber.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.claimscrubber.ExportBuilder.claims;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimscrubber.ExportBuilder;
import org.claimscrubber.Shipped;
import org.claimscrubber.batch.LocalRun;
import org.claimscrubber.batch.RunOptions;
import org.claimscrubber.config.RunConfigParser;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.domain.Severity;
import org.claimscrubber.files.BundledFiles;
import org.claimscrubber.history.HistoryStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each shipped rule, on a claim that fires it and on one that does not. */
class RulesTest {

    @TempDir Path dir;

    private List<Finding> scrub(ExportBuilder rows) throws Exception {
        return Shipped.scrub(dir, rows.csv());
    }

    private List<Finding> scrub(ExportBuilder.Line line) throws Exception {
        return scrub(line.and());
    }

    /** The findings of one rule. */
    private static List<Finding> of(String ruleId, List<Finding> findings) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    @Nested
    class Input {
        @Test
        void rowWithUnreadableUnitsIsRejectedAndReported() throws Exception {
            List<Finding> findings =
                    scrub(
                            claims().line("C1", 1, "99213")
                                    .units("two")
                                    .and()
                                    .line("C1", 2, "99214")
                                    .and());
            assertThat(of("INPUT-001", findings))
                    .singleElement()
                    .satisfies(
                            f -> {
                                assertThat(f.lineNumber()).isEqualTo(1);
                                assertThat(f.message()).contains("units", "two");
                                assertThat(f.source()).endsWith(":2, field units");
                            });
            assertThat(findings).noneMatch(f -> f.lineNumber() != null && f.lineNumber() == 2);
        }

        @Test
        void readableRowIsNotRejected() throws Exception {
            assertThat(of("INPUT-001", scrub(claims().line("C1", 1, "99213")))).isEmpty();
        }

        @Test
        void unreadableOptionalFieldIsAWarningAndTheLineIsScrubbed() throws Exception {
            List<Finding> findings =
                    scrub(claims().line("C1", 1, "19301").sex("X").diagnoses("C61"));
            assertThat(of("INPUT-002", findings))
                    .singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("patient_sex"));
            assertThat(of("PAT-001", findings)).as("sex unknown, so no sex check").isEmpty();
        }

        @Test
        void readableOptionalFieldIsNotReported() throws Exception {
            assertThat(of("INPUT-002", scrub(claims().line("C1", 1, "99213").sex("M")))).isEmpty();
        }

        @Test
        void dateOfServiceAfterTheRunDateIsReported() throws Exception {
            assertThat(of("INPUT-003", scrub(claims().line("C1", 1, "99213").date("2026-11-25"))))
                    .hasSize(1);
        }

        @Test
        void dateOfServiceOnTheRunDateIsNot() throws Exception {
            assertThat(of("INPUT-003", scrub(claims().line("C1", 1, "99213").date("2026-11-24"))))
                    .isEmpty();
        }
    }

    @Nested
    class Code {
        @Test
        void billingOrReferringNpiThatFailsItsCheckDigit() throws Exception {
            Path file =
                    Files.writeString(
                            dir.resolve("npis.csv"),
                            String.join(
                                    "\n",
                                    "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes,Billing Provider NPI,Referring NPI",
                                    "C1,1,2026-09-14,99213,I10,1234567890,",
                                    "C2,1,2026-09-14,99213,I10,1234567893,1234567891",
                                    ""));
            List<Finding> findings = of("CODE-016", Shipped.scrub(file));
            assertThat(findings)
                    .extracting(Finding::message)
                    .containsExactly(
                            "Billing NPI 1234567890 is not a valid NPI: its check digit is 0, but the first nine digits give 3 (a typing error?). ",
                            "Referring NPI 1234567891 is not a valid NPI: its check digit is 1, but the first nine digits give 3 (a typing error?). ");
        }

        @Test
        void billingAndReferringNpisWithTheirCheckDigits() throws Exception {
            Path file =
                    Files.writeString(
                            dir.resolve("npis-ok.csv"),
                            String.join(
                                    "\n",
                                    "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes,billing_npi,referring_npi",
                                    "C1,1,2026-09-14,99213,I10,1234567893,",
                                    ""));
            assertThat(of("CODE-016", Shipped.scrub(file))).isEmpty();
        }

        @Test
        void renderingNpiThatFailsItsCheckDigit() throws Exception {
            Path file =
                    Files.writeString(
                            dir.resolve("npi.csv"),
                            String.join(
                                    "\n",
                                    "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes,rendering_npi",
                                    "C1,1,2026-09-14,99213,I10,1234567890",
                                    "C2,1,2026-09-14,99213,I10,123456789",
                                    ""));
            List<Finding> findings = of("CODE-015", Shipped.scrub(file));
            assertThat(findings).extracting(Finding::claimId).containsExactly("C1", "C2");
            assertThat(findings.get(0).message()).contains("check digit is 0", "give 3");
        }

        @Test
        void renderingNpiWithItsCheckDigit() throws Exception {
            Path file =
                    Files.writeString(
                            dir.resolve("npi-ok.csv"),
                            String.join(
                                    "\n",
                                    "claim_id,line_number,date_of_service,procedure_code,diagnosis_codes,rendering_npi",
                                    "C1,1,2026-09-14,99213,I10,1234567893",
                                    "C2,1,2026-09-14,99213,I10,",
                                    ""));
            assertThat(of("CODE-015", Shipped.scrub(file))).isEmpty();
        }

        @Test
        void hcpcsCodeOutOfEffectByTheHcpcsFileGiven() throws Exception {
            // The fires case, with a HCPCS workbook, is
            // CmsWorkbooksTest.theHcpcsQuarterlyFileGivesEachCodeItsDatesOfUse.
            assertThat(of("CODE-014", scrub(claims().line("C1", 1, "G0202").diagnoses("Z12.31"))))
                    .as("without the file, no HCPCS dates are known")
                    .isEmpty();
        }

        @Test
        void codeDeletedInTheFeeScheduleFileGiven() throws Exception {
            Path file =
                    Files.writeString(
                            dir.resolve("fees.csv"),
                            claims().line("C1", 1, "99201").diagnoses("J06.9").and().csv());
            List<Finding> findings =
                    Shipped.scrub(
                            Shipped.rules(),
                            Shipped.factsWith(Path.of("samples/rules/fee-schedule/reference")),
                            file);
            assertThat(of("CODE-013", findings))
                    .singleElement()
                    .satisfies(f -> assertThat(f.source()).contains("PPRRVU21_JAN-excerpt.csv:5"));
        }

        @Test
        void withoutTheFeeScheduleFileNoCodeIsSaidDeletedByIt() throws Exception {
            assertThat(of("CODE-013", scrub(claims().line("C1", 1, "99201").diagnoses("J06.9"))))
                    .isEmpty();
        }

        @Test
        void placeOfServiceUnassignedOrNotYetInEffect() throws Exception {
            assertThat(of("CODE-012", scrub(claims().line("C1", 1, "99213").placeOfService("30"))))
                    .singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("not assigned"));
            assertThat(
                            of(
                                    "CODE-012",
                                    scrub(
                                            claims().line("C1", 1, "99213")
                                                    .placeOfService("66")
                                                    .date("2024-07-31"))))
                    .singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("effective from 2024-08-01"));
        }

        @Test
        void placeOfServiceInTheCodeSet() throws Exception {
            for (String pos :
                    List.of(
                            "02", "10", "11", "12", "19", "22", "23", "24", "27", "31", "81",
                            "99")) {
                assertThat(
                                of(
                                        "CODE-012",
                                        scrub(claims().line("C1", 1, "99213").placeOfService(pos))))
                        .as(pos)
                        .isEmpty();
            }
            assertThat(
                            of(
                                    "CODE-012",
                                    scrub(
                                            claims().line("C1", 1, "99213")
                                                    .placeOfService("66")
                                                    .date("2024-08-01"))))
                    .isEmpty();
        }

        @Test
        void fiveDigitCodeOutsideEveryCptSection() throws Exception {
            assertThat(of("CODE-011", scrub(claims().line("C1", 1, "03522"))))
                    .singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("03522", "Category I"));
            assertThat(of("CODE-011", scrub(claims().line("C1", 1, "0352X")))).hasSize(1);
            assertThat(of("CODE-011", scrub(claims().line("C1", 1, "99999")))).hasSize(1);
        }

        @Test
        void everyCptAndHcpcsKindIsAccepted() throws Exception {
            for (String code :
                    List.of(
                            "00100", "01999", "10004", "69990", "70010", "80047", "89398", "90281",
                            "99607", "3074F", "0352T", "0001U", "0002M", "0001A", "G0463",
                            "J1100")) {
                assertThat(of("CODE-011", scrub(claims().line("C1", 1, code)))).as(code).isEmpty();
            }
        }

        @Test
        void deletedEverydayCodes() throws Exception {
            assertThat(of("CODE-006", scrub(claims().line("C1", 1, "77057").date("2016-12-31"))))
                    .isEmpty();
            assertThat(of("CODE-006", scrub(claims().line("C1", 1, "77057").date("2017-01-01"))))
                    .singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("deleted from 2017-01-01"));
            assertThat(of("CODE-006", scrub(claims().line("C1", 1, "99201")))).hasSize(1);
        }

        @Test
        void malformedProcedureCode() throws Exception {
            assertThat(of("CODE-001", scrub(claims().line("C1", 1, "9921")))).hasSize(1);
            assertThat(of("CODE-001", scrub(claims().line("C1", 1, "G0463")))).isEmpty();
        }

        @Test
        void malformedDiagnosisCode() throws Exception {
            assertThat(
                            of(
                                    "CODE-002",
                                    scrub(
                                            claims().line("C1", 1, "99213")
                                                    .diagnoses("C50.911;50911"))))
                    .singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("'50911'"));
            assertThat(of("CODE-002", scrub(claims().line("C1", 1, "99213").diagnoses("c50911"))))
                    .isEmpty();
        }

        @Test
        void malformedModifier() throws Exception {
            assertThat(of("CODE-003", scrub(claims().line("C1", 1, "99213").modifiers("RTX"))))
                    .hasSize(1);
            assertThat(of("CODE-003", scrub(claims().line("C1", 1, "99213").modifiers("rt"))))
                    .isEmpty();
        }

        @Test
        void malformedTaxonomy() throws Exception {
            assertThat(of("CODE-004", scrub(claims().line("C1", 1, "99213").taxonomy("207Q0000X"))))
                    .hasSize(1);
            assertThat(of("CODE-004", scrub(claims().line("C1", 1, "99213").taxonomy(""))))
                    .isEmpty();
        }

        @Test
        void malformedPlaceOfService() throws Exception {
            assertThat(of("CODE-005", scrub(claims().line("C1", 1, "99213").placeOfService("1A"))))
                    .hasSize(1);
            assertThat(of("CODE-005", scrub(claims().line("C1", 1, "99213").placeOfService("2"))))
                    .isEmpty();
        }
    }

    @Nested
    class Modifier {
        @Test
        void bilateralWithASideModifier() throws Exception {
            assertThat(
                            of(
                                    "MOD-008",
                                    scrub(
                                            claims().line("C1", 1, "27447")
                                                    .modifiers("50;RT")
                                                    .diagnoses("M17.11"))))
                    .hasSize(1);
            assertThat(
                            of(
                                    "MOD-008",
                                    scrub(
                                            claims().line("C1", 1, "27447")
                                                    .modifiers("50")
                                                    .diagnoses("M17.0"))))
                    .isEmpty();
        }

        @Test
        void bilateralOnACodeThatIsAlreadyBilateralOrCannotBe() throws Exception {
            assertThat(
                            of(
                                    "MOD-009",
                                    scrub(
                                            claims().line("C1", 1, "77067")
                                                    .modifiers("50")
                                                    .diagnoses("Z12.31"))))
                    .singleElement()
                    .satisfies(
                            f -> assertThat(f.message()).contains("already describes both sides"));
            assertThat(
                            of(
                                    "MOD-009",
                                    scrub(
                                            claims().line("C1", 1, "99213")
                                                    .modifiers("50")
                                                    .diagnoses("I10"))))
                    .hasSize(1);
            assertThat(
                            of(
                                    "MOD-009",
                                    scrub(
                                            claims().line("C1", 1, "20610")
                                                    .modifiers("50")
                                                    .diagnoses("M17.0"))))
                    .as("indicator 1: 50 is how to bill it")
                    .isEmpty();
        }

        @Test
        void bilateralOnACodeWithoutABilateralAdjustment() throws Exception {
            assertThat(
                            of(
                                    "MOD-010",
                                    scrub(
                                            claims().line("C1", 1, "73060")
                                                    .modifiers("50")
                                                    .diagnoses("M25.511"))))
                    .singleElement()
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
            assertThat(
                            of(
                                    "MOD-010",
                                    scrub(
                                            claims().line("C1", 1, "73060")
                                                    .modifiers("RT")
                                                    .diagnoses("M25.511"))))
                    .isEmpty();
        }

        @Test
        void componentModifierOnAnEvaluationAndManagementCode() throws Exception {
            assertThat(
                            of(
                                    "MOD-007",
                                    scrub(
                                            claims().line("C1", 1, "99213")
                                                    .modifiers("26")
                                                    .diagnoses("I10"))))
                    .hasSize(1);
        }

        @Test
        void modifierTheDocumentDoesNotListIsInformation() throws Exception {
            List<Finding> findings =
                    scrub(
                            claims().line("C1", 1, "19301")
                                    .and()
                                    .line("C1", 2, "0352T")
                                    .modifiers("59"));
            assertThat(of("MOD-001", findings))
                    .singleElement()
                    .satisfies(
                            f -> {
                                assertThat(f.severity()).isEqualTo(Severity.INFO);
                                assertThat(f.message())
                                        .isEqualTo(
                                                "Modifier 59 is not among the modifiers the document lists for 0352T.");
                                assertThat(f.source())
                                        .isEqualTo(
                                                "001_878d69fdffca6f24.txt:14, Coding Specifications: modifier table");
                            });
        }

        @Test
        void modifierInTheTableIsNotReported() throws Exception {
            assertThat(
                            of(
                                    "MOD-001",
                                    scrub(
                                            claims().line("C1", 1, "19301")
                                                    .and()
                                                    .line("C1", 2, "0352T")
                                                    .modifiers("22"))))
                    .isEmpty();
        }

        @Test
        void modifierTheDocumentMisdescribesIsNotTrusted() throws Exception {
            assertThat(
                            of(
                                    "MOD-001",
                                    scrub(
                                            claims().line("C1", 1, "19301")
                                                    .and()
                                                    .line("C1", 2, "0352T")
                                                    .modifiers("AS"))))
                    .singleElement()
                    .satisfies(
                            f -> {
                                assertThat(f.message())
                                        .contains(
                                                "describes AS as 'Ambulatory surgical center facility'",
                                                "assistant at surgery");
                                assertThat(f.source()).startsWith("001_878d69fdffca6f24.txt:21");
                            });
        }

        @Test
        void modifierMissingFromACutOffTableSaysTheListIsIncomplete() throws Exception {
            assertThat(
                            of(
                                    "MOD-001",
                                    scrub(
                                            claims().line("C1", 1, "19301")
                                                    .and()
                                                    .line("C1", 2, "0353T")
                                                    .modifiers("59"))))
                    .singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("cut off", "incomplete"));
        }

        @Test
        void sideAnatomicAndLiabilityModifiersAreNotJudgedByTheDocument() throws Exception {
            for (String modifier : List.of("RT", "LT", "50", "F1", "GA", "KX")) {
                assertThat(
                                of(
                                        "MOD-001",
                                        scrub(
                                                claims().line("C1", 1, "19301")
                                                        .and()
                                                        .line("C1", 2, "0352T")
                                                        .modifiers(modifier))))
                        .as(modifier)
                        .isEmpty();
            }
        }

        @Test
        void therapyOrAnesthesiaModifierOnAnotherServiceIsAnError() throws Exception {
            List<Finding> therapy =
                    scrub(
                            claims().line("C1", 1, "19301")
                                    .and()
                                    .line("C1", 2, "0352T")
                                    .modifiers("CQ"));
            assertThat(of("MOD-006", therapy))
                    .singleElement()
                    .satisfies(
                            f -> {
                                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                                assertThat(f.message())
                                        .startsWith("Modifier CQ (Outpatient physical therapy")
                                        .contains(
                                                "0352T is not a therapy service",
                                                "the document lists CQ for 0352T as");
                                assertThat(f.source())
                                        .contains(
                                                "001_878d69fdffca6f24.txt:23",
                                                "modifier-classes.csv:");
                            });
            assertThat(of("MOD-001", therapy)).as("one finding for one defect").isEmpty();
            assertThat(of("MOD-006", scrub(claims().line("C1", 1, "0353T").modifiers("QK"))))
                    .singleElement()
                    .satisfies(
                            f ->
                                    assertThat(f.message())
                                            .contains(
                                                    "anesthesia modifier",
                                                    "not an anesthesia service"));
        }

        @Test
        void therapyAndAnesthesiaModifiersWhereTheyBelong() throws Exception {
            assertThat(of("MOD-006", scrub(claims().line("C1", 1, "97110").modifiers("GP"))))
                    .isEmpty();
            assertThat(of("MOD-006", scrub(claims().line("C1", 1, "00400").modifiers("QK"))))
                    .isEmpty();
            assertThat(of("MOD-006", scrub(claims().line("C1", 1, "0153T").modifiers("QK"))))
                    .as("a Category III code is never in the anesthesia range")
                    .hasSize(1);
        }

        @Test
        void componentModifierOnACodeWithoutComponents() throws Exception {
            assertThat(of("MOD-007", scrub(claims().line("C1", 1, "19301").modifiers("26"))))
                    .singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("PC/TC indicator 0"));
            assertThat(of("MOD-007", scrub(claims().line("C1", 1, "88305").modifiers("26"))))
                    .isEmpty();
            assertThat(of("MOD-007", scrub(claims().line("C1", 1, "0353T").modifiers("26"))))
                    .as("no curated indicator: cannot say")
                    .isEmpty();
        }

        @Test
        void professionalAndTechnicalComponentTogether() throws Exception {
            assertThat(of("MOD-003", scrub(claims().line("C1", 1, "88305").modifiers("26;TC"))))
                    .hasSize(1);
            assertThat(of("MOD-003", scrub(claims().line("C1", 1, "88305").modifiers("26"))))
                    .isEmpty();
        }

        @Test
        void reducedAndDiscontinuedTogether() throws Exception {
            assertThat(of("MOD-004", scrub(claims().line("C1", 1, "99213").modifiers("52 53"))))
                    .hasSize(1);
            assertThat(of("MOD-004", scrub(claims().line("C1", 1, "99213").modifiers("53"))))
                    .isEmpty();
        }

        @Test
        void procedureWithoutADocumentGetsNoTableCheck() throws Exception {
            List<Finding> findings = scrub(claims().line("C1", 1, "99213").modifiers("25"));
            assertThat(of("MOD-001", findings)).isEmpty();
            assertThat(of("MOD-002", findings)).isEmpty();
        }
    }

    @Nested
    class Diagnosis {
        @Test
        void externalCauseFirstOrAlone() throws Exception {
            assertThat(of("DX-003", scrub(claims().line("C1", 1, "99213").diagnoses("W19.XXXA"))))
                    .singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("only diagnosis"));
            assertThat(
                            of(
                                    "DX-003",
                                    scrub(
                                            claims().line("C1", 1, "99213")
                                                    .diagnoses("W01.0XXA;S52.501A"))))
                    .hasSize(1);
        }

        @Test
        void externalCauseAfterTheInjury() throws Exception {
            assertThat(
                            of(
                                    "DX-003",
                                    scrub(
                                            claims().line("C1", 1, "99213")
                                                    .diagnoses("S52.501A;W01.0XXA"))))
                    .isEmpty();
        }

        @Test
        void manifestationFirst() throws Exception {
            assertThat(of("DX-004", scrub(claims().line("C1", 1, "99213").diagnoses("G63;E11.42"))))
                    .singleElement()
                    .satisfies(
                            f ->
                                    assertThat(f.message())
                                            .contains(
                                                    "G63 (Polyneuropathy in diseases classified elsewhere)"));
        }

        @Test
        void manifestationAfterItsCondition() throws Exception {
            assertThat(of("DX-004", scrub(claims().line("C1", 1, "99213").diagnoses("E11.42;G63"))))
                    .isEmpty();
        }

        @Test
        void procedureWithoutTheConditionItsDescriptorNames() throws Exception {
            assertThat(
                            of(
                                    "DX-005",
                                    scrub(
                                            claims().line("C1", 1, "0971T")
                                                    .modifiers("RT")
                                                    .diagnoses("D24.1"))))
                    .singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("malignant breast"));
            assertThat(
                            of(
                                    "DX-005",
                                    scrub(
                                            claims().line("C1", 1, "0971T")
                                                    .modifiers("RT")
                                                    .diagnoses("D05.11"))))
                    .hasSize(1);
        }

        @Test
        void procedureWithTheConditionItsDescriptorNames() throws Exception {
            assertThat(
                            of(
                                    "DX-005",
                                    scrub(
                                            claims().line("C1", 1, "0971T")
                                                    .modifiers("RT")
                                                    .diagnoses("C50.411"))))
                    .isEmpty();
            assertThat(
                            of(
                                    "DX-005",
                                    scrub(
                                            claims().line("C1", 1, "0971T")
                                                    .modifiers("LT")
                                                    .diagnoses("Z51.89;C79.81"))))
                    .isEmpty();
        }

        @Test
        void noDiagnosisInARelatedCategory() throws Exception {
            assertThat(
                            of(
                                    "DX-001",
                                    scrub(
                                            claims().line("C1", 1, "19301")
                                                    .and()
                                                    .line("C1", 2, "0352T")
                                                    .diagnoses("C18.9"))))
                    .singleElement()
                    .satisfies(
                            f -> {
                                assertThat(f.lineNumber()).isEqualTo(2);
                                assertThat(f.message()).contains("(C18.9)", "C50, D05, C77, N63");
                            });
        }

        @Test
        void anyCodeInTheCategoryOfAListedOneSupports() throws Exception {
            for (String code : List.of("C50.919", "C50.912", "C50.922", "D05.11", "N63.10")) {
                assertThat(of("DX-001", scrub(claims().line("C1", 1, "0352T").diagnoses(code))))
                        .as(code)
                        .isEmpty();
            }
        }

        @Test
        void oneRelatedDiagnosisIsEnough() throws Exception {
            assertThat(
                            of(
                                    "DX-001",
                                    scrub(
                                            claims().line("C1", 1, "0352T")
                                                    .diagnoses("C18.9;D05.90"))))
                    .isEmpty();
        }

        @Test
        void aContradictedRowDoesNotSupportAndTheFindingSaysWhy() throws Exception {
            ExportBuilder.Line line = claims().line("C1", 1, "0352T").diagnoses("D37.9");
            assertThat(of("DX-001", scrub(line))).hasSize(1);
            // 0753T's list is examples only (interpretations.csv), so even D37.9 passes there.
            assertThat(
                            of(
                                    "DX-001",
                                    scrub(
                                            claims().line("C1", 1, "88305")
                                                    .and()
                                                    .line("C1", 2, "0753T")
                                                    .diagnoses("D37.9"))))
                    .isEmpty();
        }

        @Test
        void lineWithoutDiagnosis() throws Exception {
            assertThat(of("DX-002", scrub(claims().line("C1", 1, "99213").diagnoses(""))))
                    .hasSize(1);
            assertThat(of("DX-002", scrub(claims().line("C1", 1, "99213")))).isEmpty();
        }
    }

    @Nested
    class Provider {
        @Test
        void studentAsRenderingProvider() throws Exception {
            assertThat(
                            of(
                                    "PROV-002",
                                    scrub(
                                            claims().line("C1", 1, "99213")
                                                    .taxonomy("390200000X")
                                                    .diagnoses("I10"))))
                    .hasSize(1);
            assertThat(
                            of(
                                    "PROV-002",
                                    scrub(
                                            claims().line("C1", 1, "99213")
                                                    .taxonomy("207Q00000X")
                                                    .diagnoses("I10"))))
                    .isEmpty();
        }

        @Test
        void chiropractorBillingMedicareForOtherThanManipulation() throws Exception {
            assertThat(
                            of(
                                    "PROV-003",
                                    scrub(
                                            claims().line("C1", 1, "72100")
                                                    .taxonomy("111N00000X")
                                                    .payer("Medicare")
                                                    .diagnoses("M99.03"))))
                    .hasSize(1);
            assertThat(
                            of(
                                    "PROV-003",
                                    scrub(
                                            claims().line("C1", 1, "98941")
                                                    .modifiers("AT")
                                                    .taxonomy("111N00000X")
                                                    .payer("Medicare")
                                                    .diagnoses("M99.03"))))
                    .isEmpty();
            assertThat(
                            of(
                                    "PROV-003",
                                    scrub(
                                            claims().line("C1", 1, "72100")
                                                    .taxonomy("111N00000X")
                                                    .payer("Aetna")
                                                    .diagnoses("M99.03"))))
                    .as("a Medicare coverage rule")
                    .isEmpty();
        }

        @Test
        void spinalManipulationForMedicareWithoutActiveTreatment() throws Exception {
            assertThat(
                            of(
                                    "PROV-004",
                                    scrub(
                                            claims().line("C1", 1, "98941")
                                                    .taxonomy("111N00000X")
                                                    .payer("Medicare")
                                                    .diagnoses("M99.03"))))
                    .hasSize(1);
            assertThat(
                            of(
                                    "PROV-004",
                                    scrub(
                                            claims().line("C1", 1, "98941")
                                                    .modifiers("GA")
                                                    .taxonomy("111N00000X")
                                                    .payer("Medicare")
                                                    .diagnoses("M99.03"))))
                    .isEmpty();
        }

        @Test
        void taxonomyOutsideEveryNamedSpecialty() throws Exception {
            assertThat(
                            of(
                                    "PROV-001",
                                    scrub(claims().line("C1", 1, "0352T").taxonomy("2084P0800X"))))
                    .singleElement()
                    .satisfies(
                            f -> {
                                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                                assertThat(f.message())
                                        .contains(
                                                "2084P0800X (Psychiatry & Neurology, Psychiatry)",
                                                "General Surgery",
                                                "Diagnostic Radiology");
                                assertThat(f.source())
                                        .contains(
                                                "001_878d69fdffca6f24.txt:29",
                                                "interpretations.csv:");
                            });
        }

        @Test
        void taxonomyInANamedSpecialtyByNuccClassification() throws Exception {
            for (String taxonomy :
                    List.of("2086X0206X", "208600000X", "2085R0202X", "208200000X", "207V00000X")) {
                assertThat(
                                of(
                                        "PROV-001",
                                        scrub(claims().line("C1", 1, "0352T").taxonomy(taxonomy))))
                        .as(taxonomy)
                        .isEmpty();
            }
            assertThat(
                            of(
                                    "PROV-001",
                                    scrub(claims().line("C1", 1, "0753T").taxonomy("207ZP0102X"))))
                    .isEmpty();
        }

        @Test
        void unknownBlankOrNoTableSaysNothing() throws Exception {
            assertThat(of("PROV-001", scrub(claims().line("C1", 1, "0753T").taxonomy(""))))
                    .isEmpty();
            assertThat(
                            of(
                                    "PROV-001",
                                    scrub(claims().line("C1", 1, "0352T").taxonomy("261QA1903X"))))
                    .as("not in the curated facts and no --reference: cannot judge")
                    .isEmpty();
            assertThat(
                            of(
                                    "PROV-001",
                                    scrub(claims().line("C1", 1, "0353T").taxonomy("2084P0800X"))))
                    .as("0353T's document has no taxonomy table")
                    .isEmpty();
        }
    }

    @Nested
    class AddOn {
        @Test
        void addOnWithoutItsPrimary() throws Exception {
            List<Finding> alone = scrub(claims().line("C1", 1, "0753T"));
            assertThat(of("ADDON-001", alone))
                    .as("the NCCI add-on edit is the one finding, for every payer")
                    .isEmpty();
            assertThat(of("NCCI-AOC-001", alone))
                    .singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("88305"));
            assertThat(
                            of(
                                    "ADDON-001",
                                    scrub(
                                            claims().line("C1", 1, "0470T")
                                                    .date("2022-06-01")
                                                    .and()
                                                    .line("C1", 2, "0471T")
                                                    .date("2022-06-02"))))
                    .as("primary on another day")
                    .hasSize(1);
            assertThat(of("ADDON-001", scrub(claims().line("C1", 1, "0471T").date("2022-06-01"))))
                    .singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("0470T"));
        }

        @Test
        void addOnWithItsPrimaryTheSameDay() throws Exception {
            assertThat(
                            of(
                                    "ADDON-001",
                                    scrub(
                                            claims().line("C1", 1, "0470T")
                                                    .date("2022-06-01")
                                                    .and()
                                                    .line("C1", 2, "0471T")
                                                    .date("2022-06-01"))))
                    .isEmpty();
        }

        @Test
        void primaryOnAnotherClaimDoesNotCount() throws Exception {
            assertThat(
                            of(
                                    "ADDON-001",
                                    scrub(
                                            claims().line("C1", 1, "0470T")
                                                    .date("2022-06-01")
                                                    .and()
                                                    .line("C2", 1, "0471T")
                                                    .date("2022-06-01"))))
                    .hasSize(1);
        }
    }

    @Nested
    class Units {
        @Test
        void moreUnitsOnALineThanTheBasisAllows() throws Exception {
            assertThat(of("UNITS-001", scrub(claims().line("C1", 1, "0971T").units("2"))))
                    .hasSize(1);
            assertThat(of("UNITS-001", scrub(claims().line("C1", 1, "0971T").units("1"))))
                    .isEmpty();
        }

        @Test
        void moreUnitsOnADateThanTheBasisAllows() throws Exception {
            List<Finding> three =
                    of(
                            "UNITS-002",
                            scrub(
                                    claims().line("C1", 1, "0971T")
                                            .modifiers("RT")
                                            .and()
                                            .line("C1", 2, "0971T")
                                            .modifiers("LT")
                                            .diagnoses("C50.912")
                                            .and()
                                            .line("C1", 3, "0971T")
                                            .modifiers("RT")
                                            .units("1")));
            assertThat(three)
                    .singleElement()
                    .satisfies(
                            f -> {
                                assertThat(f.lineNumber()).as("claim-level").isNull();
                                assertThat(f.message()).contains("3 units");
                            });
            assertThat(
                            of(
                                    "UNITS-002",
                                    scrub(
                                            claims().line("C1", 1, "0971T")
                                                    .modifiers("RT")
                                                    .and()
                                                    .line("C1", 2, "0971T")
                                                    .modifiers("LT")
                                                    .diagnoses("C50.912"))))
                    .isEmpty();
        }

        @Test
        void unitsBelowOne() throws Exception {
            assertThat(of("UNITS-003", scrub(claims().line("C1", 1, "99213").units("0"))))
                    .hasSize(1);
            assertThat(of("UNITS-003", scrub(claims().line("C1", 1, "99213").units("-2"))))
                    .hasSize(1);
            assertThat(of("UNITS-003", scrub(claims().line("C1", 1, "99213").units("")))).isEmpty();
        }
    }

    @Nested
    class Laterality {
        @Test
        void perBreastProcedureWithoutASide() throws Exception {
            assertThat(of("LAT-003", scrub(claims().line("C1", 1, "0971T"))))
                    .singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("per breast"));
        }

        @Test
        void perBreastProcedureWithItsSide() throws Exception {
            assertThat(of("LAT-003", scrub(claims().line("C1", 1, "0971T").modifiers("RT"))))
                    .isEmpty();
            assertThat(of("LAT-003", scrub(claims().line("C1", 1, "19301"))))
                    .as("no per-side basis")
                    .isEmpty();
        }

        @Test
        void sideFromTheDiagnosisTitleForAnyProcedure() throws Exception {
            assertThat(
                            of(
                                    "LAT-001",
                                    scrub(
                                            claims().line("C1", 1, "20610")
                                                    .modifiers("LT")
                                                    .diagnoses("M17.11"))))
                    .singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("M17.11", "right"));
            assertThat(
                            of(
                                    "LAT-001",
                                    scrub(
                                            claims().line("C1", 1, "67800")
                                                    .modifiers("E1")
                                                    .diagnoses("H00.14"))))
                    .as("E1 is the left upper eyelid; H00.14 a chalazion of the left upper eyelid")
                    .isEmpty();
            assertThat(
                            of(
                                    "LAT-001",
                                    scrub(
                                            claims().line("C1", 1, "67800")
                                                    .modifiers("E4")
                                                    .diagnoses("H00.14"))))
                    .as("E4 is the right lower eyelid")
                    .hasSize(1);
            assertThat(
                            of(
                                    "LAT-001",
                                    scrub(
                                            claims().line("C1", 1, "11730")
                                                    .modifiers("TA")
                                                    .diagnoses("L60.0"))))
                    .as("ingrown nail names no side")
                    .isEmpty();
        }

        @Test
        void unspecifiedBilateralOrNonAnatomicSidesNeverConflict() throws Exception {
            assertThat(
                            of(
                                    "LAT-001",
                                    scrub(
                                            claims().line("C1", 1, "20610")
                                                    .modifiers("RT")
                                                    .diagnoses("M17.0"))))
                    .as("bilateral osteoarthritis supports either knee")
                    .isEmpty();
            assertThat(
                            of(
                                    "LAT-001",
                                    scrub(
                                            claims().line("C1", 1, "20610")
                                                    .modifiers("RT")
                                                    .diagnoses("M17.10"))))
                    .as("unspecified knee")
                    .isEmpty();
            assertThat(
                            of(
                                    "LAT-001",
                                    scrub(
                                            claims().line("C1", 1, "93000")
                                                    .modifiers("RT")
                                                    .diagnoses("I44.4"))))
                    .as("left anterior fascicular block is not a left body part")
                    .isEmpty();
        }

        @Test
        void modifierSideContradictsDiagnosisSide() throws Exception {
            assertThat(
                            of(
                                    "LAT-001",
                                    scrub(
                                            claims().line("C1", 1, "19301")
                                                    .modifiers("RT")
                                                    .diagnoses("C50.912"))))
                    .singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("C50.912 (left, female)"));
        }

        @Test
        void modifierSideMatchesOneDiagnosis() throws Exception {
            assertThat(
                            of(
                                    "LAT-001",
                                    scrub(
                                            claims().line("C1", 1, "19301")
                                                    .modifiers("RT")
                                                    .diagnoses("C50.911"))))
                    .isEmpty();
            assertThat(
                            of(
                                    "LAT-001",
                                    scrub(
                                            claims().line("C1", 1, "19301")
                                                    .modifiers("LT")
                                                    .diagnoses("C50.911;C50.912"))))
                    .isEmpty();
            assertThat(
                            of(
                                    "LAT-001",
                                    scrub(
                                            claims().line("C1", 1, "19301")
                                                    .modifiers("LT")
                                                    .diagnoses("D05.91"))))
                    .as("D05.91 is right-sided")
                    .hasSize(1);
        }

        @Test
        void bothSidesOnOneLine() throws Exception {
            assertThat(of("LAT-002", scrub(claims().line("C1", 1, "19301").modifiers("RT;LT"))))
                    .hasSize(1);
            assertThat(of("LAT-002", scrub(claims().line("C1", 1, "19301").modifiers("50"))))
                    .isEmpty();
        }
    }

    @Nested
    class PlaceOfService {
        @Test
        void notATypicalSite() throws Exception {
            assertThat(of("POS-001", scrub(claims().line("C1", 1, "0353T").placeOfService("11"))))
                    .singleElement()
                    .satisfies(f -> assertThat(f.source()).contains("interpretations.csv:2"));
        }

        @Test
        void typicalSiteOrNone() throws Exception {
            assertThat(of("POS-001", scrub(claims().line("C1", 1, "0353T").placeOfService("24"))))
                    .isEmpty();
            assertThat(of("POS-001", scrub(claims().line("C1", 1, "0753T").placeOfService("81"))))
                    .isEmpty();
            assertThat(of("POS-001", scrub(claims().line("C1", 1, "0353T").placeOfService(""))))
                    .isEmpty();
        }
    }

    @Nested
    class RelatedProcedure {
        @Test
        void surgeryMissing() throws Exception {
            assertThat(of("REL-001", scrub(claims().line("C1", 1, "0352T"))))
                    .singleElement()
                    .satisfies(
                            f -> {
                                assertThat(f.severity()).isEqualTo(Severity.INFO);
                                assertThat(f.message()).contains("19301, 19302 or 38525");
                            });
        }

        @Test
        void notForInterpretationOnlyLinesOrRadiologistsAndPathologists() throws Exception {
            assertThat(of("REL-001", scrub(claims().line("C1", 1, "0353T").modifiers("26"))))
                    .isEmpty();
            assertThat(of("REL-001", scrub(claims().line("C1", 1, "0352T").taxonomy("2085R0202X"))))
                    .isEmpty();
            assertThat(of("REL-001", scrub(claims().line("C1", 1, "0352T").taxonomy("207ZP0102X"))))
                    .isEmpty();
            assertThat(of("REL-001", scrub(claims().line("C1", 1, "0352T").taxonomy("2086X0206X"))))
                    .hasSize(1);
        }

        @Test
        void surgeryPresent() throws Exception {
            assertThat(
                            of(
                                    "REL-001",
                                    scrub(
                                            claims().line("C1", 1, "38525")
                                                    .and()
                                                    .line("C1", 2, "0352T"))))
                    .isEmpty();
            assertThat(
                            of(
                                    "REL-001",
                                    scrub(
                                            claims().line("C1", 1, "19302")
                                                    .and()
                                                    .line("C1", 2, "0353T"))))
                    .isEmpty();
        }
    }

    /**
     * The edits against earlier nights: last night's export goes into a real SQLite history first.
     */
    @Nested
    class History {
        private static final String HEADER =
                "claim_id,line_number,patient_id,date_of_service,procedure_code,modifiers,"
                        + "units,diagnosis_codes,rendering_npi,rendering_taxonomy,place_of_service,payer,claim_frequency_code\n";

        private List<Finding> tonightAfter(String lastNight, String tonight) throws Exception {
            Path earlier = Files.writeString(dir.resolve("last-night.csv"), HEADER + lastNight);
            HistoryStore.Options options =
                    new HistoryStore.Options(dir.resolve("history.db").toString(), null, 400);
            new LocalRun()
                    .run(
                            new RunOptions(
                                    RunOptions.Input.files(List.of(earlier.toString())),
                                    Shipped.sources().withHistory(options),
                                    RunOptions.Policy.on(Shipped.TODAY.minusDays(1)),
                                    RunOptions.Output.to(dir.resolve("last-night")),
                                    new RunOptions.Execution(1, null)));
            try (HistoryStore store = HistoryStore.open(options, Shipped.TODAY, "tonight")) {
                return Shipped.scrub(
                        Shipped.rules(),
                        Shipped.facts(),
                        Files.writeString(dir.resolve("tonight.csv"), HEADER + tonight),
                        store.claimHistory(Shipped.facts().policy().frequencyLimits()),
                        store.patientKeys());
            }
        }

        private static final String VISIT =
                "P-1,2026-11-20,99213,,1,I10,1234567893,207Q00000X,11,Aetna,";

        @Test
        void aServiceSentCleanLastNightUnderAnotherClaimIdIsADuplicate() throws Exception {
            assertThat(of("HIST-001", tonightAfter("A,1," + VISIT + "1\n", "B,1," + VISIT + "1\n")))
                    .singleElement()
                    .satisfies(
                            f ->
                                    assertThat(f.message())
                                            .contains(
                                                    "already sent clean on claim A, scrubbed 2026-11-23"));
        }

        @Test
        void theSameClaimIdAReplacementOrAnotherDayIsNotADuplicate() throws Exception {
            assertThat(of("HIST-001", tonightAfter("A,1," + VISIT + "1\n", "A,1," + VISIT + "1\n")))
                    .isEmpty();
            assertThat(of("HIST-001", tonightAfter("A,1," + VISIT + "1\n", "B,1," + VISIT + "7\n")))
                    .isEmpty();
            assertThat(
                            of(
                                    "HIST-001",
                                    tonightAfter(
                                            "A,1," + VISIT + "1\n",
                                            "B,1,"
                                                    + VISIT.replace("2026-11-20", "2026-11-21")
                                                    + "1\n")))
                    .isEmpty();
        }

        private static final String MAMMO =
                "P-2,%s,77067,,1,Z12.31,1234567893,2085R0202X,22,%s,1\n";

        @Test
        void aScreeningMammogramBeforeElevenFullMonthsAfterTheLastIsTooSoonForMedicare()
                throws Exception {
            assertThat(
                            of(
                                    "FREQ-001",
                                    tonightAfter(
                                            "A,1," + MAMMO.formatted("2026-02-10", "Medicare"),
                                            "B,1," + MAMMO.formatted("2026-10-05", "Medicare"))))
                    .singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("from 2027-02-01"));
        }

        @Test
        void aMammogramOnTheFirstOfTheTwelfthMonthOrForAnotherPayerIsNotTooSoon() throws Exception {
            assertThat(
                            of(
                                    "FREQ-001",
                                    tonightAfter(
                                            "A,1," + MAMMO.formatted("2025-11-28", "Medicare"),
                                            "B,1," + MAMMO.formatted("2026-11-01", "Medicare"))))
                    .isEmpty();
            assertThat(
                            of(
                                    "FREQ-001",
                                    tonightAfter(
                                            "A,1," + MAMMO.formatted("2026-02-10", "Medicare"),
                                            "B,1," + MAMMO.formatted("2026-10-05", "Aetna"))))
                    .isEmpty();
        }
    }

    @Nested
    class Duplicate {
        @Test
        void sameProcedureDateAndModifiersTwice() throws Exception {
            List<Finding> findings =
                    of(
                            "DUP-001",
                            scrub(
                                    claims().line("C1", 1, "88305")
                                            .modifiers("26 59")
                                            .and()
                                            .line("C1", 2, "88305")
                                            .modifiers("59;26")
                                            .and()
                                            .line("C1", 3, "88305")
                                            .modifiers("26 59")));
            assertThat(findings).extracting(Finding::lineNumber).containsExactly(2, 3);
        }

        @Test
        void differentModifiersDatesOrClaims() throws Exception {
            assertThat(
                            of(
                                    "DUP-001",
                                    scrub(
                                            claims().line("C1", 1, "88305")
                                                    .and()
                                                    .line("C1", 2, "88305")
                                                    .modifiers("59"))))
                    .isEmpty();
            assertThat(
                            of(
                                    "DUP-001",
                                    scrub(
                                            claims().line("C1", 1, "88305")
                                                    .and()
                                                    .line("C1", 2, "88305")
                                                    .date("2026-11-03"))))
                    .isEmpty();
            assertThat(
                            of(
                                    "DUP-001",
                                    scrub(
                                            claims().line("C1", 1, "88305")
                                                    .and()
                                                    .line("C2", 1, "88305"))))
                    .isEmpty();
        }

        /**
         * Issue 21: the same row twice (one line number twice) got no finding and both rows went
         * out clean.
         */
        @Test
        void oneLineNumberTwiceIsARowSentTwice() throws Exception {
            List<Finding> findings =
                    of(
                            "DUP-002",
                            scrub(claims().line("C1", 1, "99213").and().line("C1", 1, "99213")));
            assertThat(findings)
                    .singleElement()
                    .satisfies(
                            finding -> {
                                assertThat(finding.severity()).isEqualTo(Severity.ERROR);
                                assertThat(finding.message())
                                        .contains("line 1 is on the claim twice");
                            });
        }

        @Test
        void distinctLineNumbersOrClaimsAreQuiet() throws Exception {
            assertThat(
                            of(
                                    "DUP-002",
                                    scrub(
                                            claims().line("C1", 1, "99213")
                                                    .and()
                                                    .line("C1", 2, "99213"))))
                    .isEmpty();
            assertThat(
                            of(
                                    "DUP-002",
                                    scrub(
                                            claims().line("C1", 1, "99213")
                                                    .and()
                                                    .line("C2", 1, "99213"))))
                    .isEmpty();
        }
    }

    @Nested
    class Patient {
        @Test
        void sexContradictsDiagnosis() throws Exception {
            assertThat(of("PAT-001", scrub(claims().line("C1", 1, "19301").sex("M")))).hasSize(1);
            assertThat(
                            of(
                                    "PAT-001",
                                    scrub(
                                            claims().line("C1", 1, "99213")
                                                    .diagnoses("N83.20")
                                                    .sex("M"))))
                    .hasSize(1);
        }

        @Test
        void sexMatchesOrIsUnknown() throws Exception {
            assertThat(
                            of(
                                    "PAT-001",
                                    scrub(
                                            claims().line("C1", 1, "19301")
                                                    .diagnoses("C50.921")
                                                    .sex("M"))))
                    .isEmpty();
            assertThat(
                            of(
                                    "PAT-001",
                                    scrub(
                                            claims().line("C1", 1, "99213")
                                                    .diagnoses("C61")
                                                    .sex("U"))))
                    .isEmpty();
        }

        @Test
        void pregnancyZCodesAreFemaleButTheLiveborns() throws Exception {
            assertThat(
                            of(
                                    "PAT-001",
                                    scrub(
                                            claims().line("C1", 1, "59425")
                                                    .diagnoses("Z34.80")
                                                    .sex("M"))))
                    .hasSize(1);
            assertThat(
                            of(
                                    "PAT-001",
                                    scrub(
                                            claims().line("C1", 1, "99460")
                                                    .diagnoses("Z38.00")
                                                    .sex("M"))))
                    .isEmpty();
        }

        @Test
        void serviceBeforeBirth() throws Exception {
            List<Finding> findings =
                    scrub(claims().line("C1", 1, "99213").diagnoses("I10").born("2026-09-15"));
            assertThat(of("PAT-002", findings))
                    .singleElement()
                    .satisfies(
                            f ->
                                    assertThat(f.message())
                                            .doesNotContain("2026-09-15")
                                            .contains("2026-09-14"));
            assertThat(
                            of(
                                    "PAT-002",
                                    scrub(
                                            claims().line("C1", 1, "99460")
                                                    .diagnoses("Z38.00")
                                                    .born("2026-09-14"))))
                    .as("born that day")
                    .isEmpty();
        }

        @Test
        void olderThan124() throws Exception {
            List<Finding> findings =
                    scrub(claims().line("C1", 1, "99213").diagnoses("I10").born("1900-01-01"));
            assertThat(of("PAT-003", findings))
                    .singleElement()
                    .satisfies(
                            f ->
                                    assertThat(f.message())
                                            .doesNotContain("1900")
                                            .doesNotContain("126"));
            assertThat(
                            of(
                                    "PAT-003",
                                    scrub(
                                            claims().line("C1", 1, "99213")
                                                    .diagnoses("I10")
                                                    .born("1902-09-14"))))
                    .as("124 on the day")
                    .isEmpty();
        }

        @Test
        void maternityOutsideNineToSixtyFourIsAWarning() throws Exception {
            List<Finding> findings =
                    scrub(claims().line("C1", 1, "59425").diagnoses("Z34.80").born("1961-04-30"));
            assertThat(of("PAT-004", findings))
                    .singleElement()
                    .satisfies(
                            f -> {
                                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                                assertThat(f.message())
                                        .contains("maternity", "ages 9 to 64", "65 years old")
                                        .doesNotContain("1961");
                            });
            assertThat(
                            of(
                                    "PAT-004",
                                    scrub(
                                            claims().line("C1", 1, "59425")
                                                    .diagnoses("Z34.80")
                                                    .born("1990-04-30"))))
                    .isEmpty();
            assertThat(of("PAT-004", scrub(claims().line("C1", 1, "59425").diagnoses("Z34.80"))))
                    .as("no birth date: not checked")
                    .isEmpty();
        }

        @Test
        void aGreatAgeIsNotShown() throws Exception {
            assertThat(
                            of(
                                    "PAT-004",
                                    scrub(
                                            claims().line("C1", 1, "99397")
                                                    .diagnoses("Z00.129")
                                                    .born("1930-01-02"))))
                    .singleElement()
                    .satisfies(
                            f ->
                                    assertThat(f.message())
                                            .contains("90 or older")
                                            .doesNotContain("96"));
        }

        @Test
        void livebornCodeAfterTheFirstYearIsAnError() throws Exception {
            assertThat(
                            of(
                                    "PAT-005",
                                    scrub(
                                            claims().line("C1", 1, "99213")
                                                    .diagnoses("Z38.00")
                                                    .born("1980-01-01"))))
                    .singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("age 0 (a newborn)"));
            assertThat(
                            of(
                                    "PAT-005",
                                    scrub(
                                            claims().line("C1", 1, "99460")
                                                    .diagnoses("Z38.00")
                                                    .born("2026-09-12"))))
                    .isEmpty();
        }

        @Test
        void unreadableBirthDateIsAWarningThatDoesNotQuoteIt() throws Exception {
            List<Finding> findings =
                    scrub(claims().line("C1", 1, "99213").diagnoses("I10").born("31/31/1961"));
            assertThat(of("INPUT-002", findings))
                    .singleElement()
                    .satisfies(
                            f ->
                                    assertThat(f.message())
                                            .contains("patient_birth_date")
                                            .doesNotContain("31/31"));
        }
    }

    @Nested
    class OfficialFacts {
        @Test
        void procedureOutsideItsEffectiveDates() throws Exception {
            assertThat(of("CODE-006", scrub(claims().line("C1", 1, "0471T").date("2023-01-01"))))
                    .singleElement()
                    .satisfies(
                            f ->
                                    assertThat(f.message())
                                            .contains(
                                                    "deleted from 2023-01-01",
                                                    "its document says"));
            assertThat(of("CODE-006", scrub(claims().line("C1", 1, "0971T").date("2025-06-30"))))
                    .hasSize(1);
        }

        @Test
        void procedureWithinItsEffectiveDates() throws Exception {
            assertThat(of("CODE-006", scrub(claims().line("C1", 1, "0471T").date("2022-12-31"))))
                    .isEmpty();
            assertThat(of("CODE-006", scrub(claims().line("C1", 1, "0971T").date("2025-07-01"))))
                    .isEmpty();
            assertThat(of("CODE-006", scrub(claims().line("C1", 1, "99213"))))
                    .as("no official dates")
                    .isEmpty();
        }

        @Test
        void nonBillableHeader() throws Exception {
            assertThat(of("CODE-007", scrub(claims().line("C1", 1, "0352T").diagnoses("N63"))))
                    .singleElement()
                    .satisfies(
                            f ->
                                    assertThat(f.message())
                                            .startsWith(
                                                    "Diagnosis N63 (Unspecified lump in breast"));
            assertThat(of("CODE-007", scrub(claims().line("C1", 1, "0352T").diagnoses("N63.10"))))
                    .isEmpty();
        }

        @Test
        void subcategoryHeaderFromTheBundledCodeList() throws Exception {
            assertThat(of("CODE-007", scrub(claims().line("C1", 1, "19301").diagnoses("C50.91"))))
                    .singleElement()
                    .satisfies(
                            f ->
                                    assertThat(f.message())
                                            .contains(
                                                    "C50.91",
                                                    "category header",
                                                    "use a code that starts with it, e.g. C50.911")
                                            // A header without a curated label is named once, not
                                            // "C50.91 (category header) is a category header".
                                            .doesNotContain("(category header)"));
        }

        @Test
        void diagnosisNotInIcd10CmWithoutReference() throws Exception {
            assertThat(of("CODE-008", scrub(claims().line("C1", 1, "19301").diagnoses("C50.999"))))
                    .singleElement()
                    .satisfies(
                            f -> {
                                assertThat(f.message())
                                        .isEqualTo(
                                                "Diagnosis C50.999 is not a valid ICD-10-CM code on 2026-09-14 (FY2026)");
                                assertThat(f.source()).contains("ICD-10-CM FY2026");
                            });
            assertThat(
                            of(
                                    "CODE-008",
                                    scrub(
                                            claims().line("C1", 1, "19301")
                                                    .diagnoses("C50.911;QA00101;E11A"))))
                    .as("billable FY2026 codes, new ones included")
                    .isEmpty();
            assertThat(of("CODE-008", scrub(claims().line("C1", 1, "19301").diagnoses("C50.91"))))
                    .as("a header is CODE-007, not also unknown")
                    .isEmpty();
        }

        @Test
        void diagnosisIsCheckedAgainstTheListOfItsDatesFiscalYear() throws Exception {
            assertThat(
                            of(
                                    "CODE-008",
                                    scrub(
                                            claims().line("C1", 1, "99213")
                                                    .date("2025-09-30")
                                                    .diagnoses("E11.A"))))
                    .as("E11.A is new in FY2026")
                    .singleElement()
                    .satisfies(f -> assertThat(f.source()).contains("FY2025"));
            assertThat(
                            of(
                                    "CODE-008",
                                    scrub(
                                            claims().line("C1", 1, "99213")
                                                    .date("2025-10-01")
                                                    .diagnoses("E11.A"))))
                    .isEmpty();
            assertThat(
                            of(
                                    "CODE-007",
                                    scrub(
                                            claims().line("C1", 1, "99213")
                                                    .date("2025-09-30")
                                                    .diagnoses("G35"))))
                    .as("G35 was billable until FY2026 split it")
                    .isEmpty();
            assertThat(
                            of(
                                    "CODE-007",
                                    scrub(
                                            claims().line("C1", 1, "99213")
                                                    .date("2025-10-01")
                                                    .diagnoses("G35"))))
                    .hasSize(1);
        }

        @Test
        void diagnosisOnADateNoListCoversIsSaidNotChecked() throws Exception {
            assertThat(
                            of(
                                    "CODE-010",
                                    scrub(
                                            claims().line("C1", 1, "99213")
                                                    .date("2026-10-01")
                                                    .diagnoses("C50.999"))))
                    .singleElement()
                    .satisfies(
                            f -> {
                                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                                assertThat(f.message())
                                        .contains("not checked", "FY2027", "not a code in FY2026");
                            });
            List<Finding> findings =
                    scrub(claims().line("C1", 1, "99213").date("2026-10-01").diagnoses("I10"));
            assertThat(of("CODE-010", findings))
                    .as("billable in the nearest year: nothing to say")
                    .isEmpty();
            assertThat(
                            of(
                                    "CODE-008",
                                    scrub(
                                            claims().line("C1", 1, "99213")
                                                    .date("2026-10-01")
                                                    .diagnoses("C50.999"))))
                    .as("not an ERROR: FY2027 may have added it")
                    .isEmpty();
        }

        @Test
        void taxonomyRecordedAsNotANuccCode() throws Exception {
            assertThat(
                            of(
                                    "CODE-009",
                                    scrub(claims().line("C1", 1, "99213").taxonomy("207XS0100X"))))
                    .hasSize(1);
            assertThat(
                            of(
                                    "CODE-009",
                                    scrub(claims().line("C1", 1, "99213").taxonomy("208600000X"))))
                    .as("not in the curated table, and no full list: not known to be wrong")
                    .isEmpty();
        }

        @Test
        void unknownCodesOnlyWithTheFullLists() throws Exception {
            Path reference = Path.of("samples/rules/reference/reference");
            String csv =
                    claims().line("C1", 1, "99213").diagnoses("C18.8").taxonomy("207Q99999X").csv();
            List<Finding> curated =
                    scrub(
                            claims().line("C1", 1, "99213")
                                    .diagnoses("C18.8")
                                    .taxonomy("207Q99999X"));
            assertThat(curated).extracting(Finding::ruleId).doesNotContain("CODE-008", "CODE-009");
            Path file = dir.resolve("full.csv");
            Files.writeString(file, csv);
            List<Finding> full = Shipped.scrub(Shipped.rules(), Shipped.factsWith(reference), file);
            assertThat(full).extracting(Finding::ruleId).contains("CODE-008", "CODE-009");
        }

        @Test
        void modifier51OnAnAddOnCode() throws Exception {
            assertThat(
                            of(
                                    "MOD-005",
                                    scrub(
                                            claims().line("C1", 1, "88305")
                                                    .and()
                                                    .line("C1", 2, "0753T")
                                                    .modifiers("51"))))
                    .singleElement()
                    .satisfies(f -> assertThat(f.lineNumber()).isEqualTo(2));
            assertThat(of("MOD-005", scrub(claims().line("C1", 1, "88305").modifiers("51"))))
                    .isEmpty();
        }
    }

    @Nested
    class Medicare {
        @Test
        void modifier59OnAMedicareLine() throws Exception {
            assertThat(
                            of(
                                    "MCR-001",
                                    scrub(
                                            claims().line("C1", 1, "88305")
                                                    .modifiers("59")
                                                    .payer("Medicare"))))
                    .hasSize(1);
            assertThat(
                            of(
                                    "MCR-001",
                                    scrub(
                                            claims().line("C1", 1, "88305")
                                                    .modifiers("59")
                                                    .payer("medicare"))))
                    .hasSize(1);
        }

        @Test
        void modifier59ForAnotherPayerOrWithAnXModifier() throws Exception {
            assertThat(
                            of(
                                    "MCR-001",
                                    scrub(
                                            claims().line("C1", 1, "88305")
                                                    .modifiers("59")
                                                    .payer("Aetna"))))
                    .isEmpty();
            assertThat(
                            of(
                                    "MCR-001",
                                    scrub(
                                            claims().line("C1", 1, "88305")
                                                    .modifiers("59 XS")
                                                    .payer("Medicare"))))
                    .isEmpty();
        }
    }

    @Nested
    class Ncci {
        private List<Finding> medicare(ExportBuilder rows) throws Exception {
            return scrub(rows);
        }

        @Test
        void columnTwoWithItsColumnOneIsBundled() throws Exception {
            List<Finding> findings =
                    medicare(
                            claims().line("C1", 1, "0353T")
                                    .payer("Medicare")
                                    .and()
                                    .line("C1", 2, "76942")
                                    .payer("Medicare")
                                    .and());
            assertThat(of("NCCI-PTP-001", findings))
                    .singleElement()
                    .satisfies(
                            f -> {
                                assertThat(f.lineNumber()).isEqualTo(2);
                                assertThat(f.message())
                                        .contains(
                                                "76942 (Column 2) is bundled into 0353T",
                                                "modifier indicator 1",
                                                "Misuse of Column Two code");
                                assertThat(f.source()).contains("cms-edits-2024q3.csv:", "2024 Q3");
                            });
        }

        @Test
        void indicatorOneIsBypassedByADistinctServiceModifierAndIndicatorZeroIsNot()
                throws Exception {
            assertThat(
                            of(
                                    "NCCI-PTP-001",
                                    medicare(
                                            claims().line("C1", 1, "0353T")
                                                    .payer("Medicare")
                                                    .and()
                                                    .line("C1", 2, "76942")
                                                    .modifiers("XS")
                                                    .payer("Medicare")
                                                    .and())))
                    .isEmpty();
            assertThat(
                            of(
                                    "NCCI-PTP-001",
                                    medicare(
                                            claims().line("C1", 1, "0352T")
                                                    .payer("Medicare")
                                                    .and()
                                                    .line("C1", 2, "36591")
                                                    .modifiers("59")
                                                    .payer("Medicare")
                                                    .and())))
                    .hasSize(1);
            assertThat(
                            of(
                                    "NCCI-PTP-001",
                                    medicare(
                                            claims().line("C1", 1, "0353T")
                                                    .modifiers("RT")
                                                    .payer("Medicare")
                                                    .and()
                                                    .line("C1", 2, "76942")
                                                    .modifiers("LT")
                                                    .payer("Medicare")
                                                    .and())))
                    .as("anatomic modifiers showing different sites")
                    .isEmpty();
        }

        private List<Finding> withConfig(String configText, ExportBuilder rows) throws Exception {
            Path config = Files.writeString(dir.resolve("payers.conf"), configText);
            CompiledRules rules =
                    new RuleCompiler()
                            .compile(
                                    RuleSet.load(BundledFiles.Located.given(Shipped.RULES)),
                                    RunConfigParser.parse(config));
            return Shipped.scrub(rules, Files.writeString(dir.resolve("claims.csv"), rows.csv()));
        }

        private ExportBuilder ptpPair(String payer) {
            return claims().line("C1", 1, "0353T")
                    .payer(payer)
                    .and()
                    .line("C1", 2, "76942")
                    .payer(payer)
                    .and();
        }

        @Test
        void otherPayersGetAWarningUnlessTheConfigSaysTheyApplyNcciOrNot() throws Exception {
            List<Finding> aetna = scrub(ptpPair("Aetna"));
            assertThat(of("NCCI-PTP-001", aetna)).isEmpty();
            assertThat(of("NCCI-PTP-002", aetna))
                    .singleElement()
                    .satisfies(
                            f -> {
                                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                                assertThat(f.message()).contains("check this payer's policy");
                            });
            List<Finding> configured = withConfig("payer.NCCI = Aetna\n", ptpPair("Aetna"));
            assertThat(of("NCCI-PTP-001", configured)).hasSize(1);
            assertThat(of("NCCI-PTP-002", configured)).isEmpty();
            assertThat(of("NCCI-PTP-001", withConfig("payer.NCCI = Aetna\n", ptpPair("Medicare"))))
                    .as("naming a payer adds to Medicare, Medicare Advantage and Medicaid")
                    .hasSize(1);
            List<Finding> selfPay = withConfig("payer.NoNCCI = Self Pay\n", ptpPair("Self Pay"));
            assertThat(of("NCCI-PTP-001", selfPay)).isEmpty();
            assertThat(of("NCCI-PTP-002", selfPay)).isEmpty();
        }

        @Test
        void usualMedicareAndMedicaidSpellingsApplyNcciWithoutAConfig() throws Exception {
            for (String payer :
                    List.of(
                            "Medicare Part B",
                            "MEDICARE B",
                            "Railroad Medicare",
                            "Humana Medicare Advantage",
                            "AARP Medicare Complete",
                            "Texas Medicaid",
                            "Medi-Cal")) {
                assertThat(
                                of(
                                        "NCCI-MUE-002",
                                        scrub(
                                                claims().line("C1", 1, "0353T")
                                                        .units("3")
                                                        .payer(payer))))
                        .as(payer)
                        .hasSize(1);
            }
            assertThat(
                            of(
                                    "NCCI-MUE-003",
                                    scrub(
                                            claims().line("C1", 1, "0353T")
                                                    .units("3")
                                                    .payer("Cigna"))))
                    .singleElement()
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
            assertThat(
                            of(
                                    "MCR-001",
                                    scrub(
                                            claims().line("C1", 1, "88305")
                                                    .modifiers("59")
                                                    .payer("Humana Medicare Advantage"))))
                    .as("a Medicare Advantage plan is not traditional Medicare")
                    .isEmpty();
        }

        @Test
        void aPayerNameTheConfigMapsToMedicareIsInTheNcciScope() throws Exception {
            // Regression (issue 20): payer.Medicare aliases did not reach the NCCI scope; a 3-unit
            // 0353T went out clean.
            List<Finding> findings =
                    withConfig(
                            "payer.Medicare = MCR PART B\n",
                            claims().line("C1", 1, "0353T").units("3").payer("MCR PART B").and());
            assertThat(of("NCCI-MUE-002", findings)).hasSize(1);
            assertThat(of("NCCI-MUE-003", findings)).isEmpty();
        }

        @Test
        void evaluationAndManagementModifiersBypassOnlyOnTheEvaluationAndManagementLine()
                throws Exception {
            // Regression (issue 20): the decision-for-surgery visit (57) got a false PTP ERROR.
            assertThat(
                            of(
                                    "NCCI-PTP-001",
                                    scrub(
                                            claims().line("C1", 1, "19301")
                                                    .payer("Medicare")
                                                    .and()
                                                    .line("C1", 2, "99214")
                                                    .modifiers("57")
                                                    .payer("Medicare")
                                                    .and())))
                    .isEmpty();
            assertThat(
                            of(
                                    "NCCI-PTP-001",
                                    scrub(
                                            claims().line("C1", 1, "19301")
                                                    .payer("Medicare")
                                                    .and()
                                                    .line("C1", 2, "99214")
                                                    .modifiers("25")
                                                    .payer("Medicare")
                                                    .and())))
                    .isEmpty();
            assertThat(
                            of(
                                    "NCCI-PTP-001",
                                    scrub(
                                            claims().line("C1", 1, "19301")
                                                    .payer("Medicare")
                                                    .and()
                                                    .line("C1", 2, "99214")
                                                    .payer("Medicare")
                                                    .and())))
                    .hasSize(1);
            assertThat(
                            of(
                                    "NCCI-PTP-001",
                                    scrub(
                                            claims().line("C1", 1, "0353T")
                                                    .modifiers("25")
                                                    .payer("Medicare")
                                                    .and()
                                                    .line("C1", 2, "76942")
                                                    .payer("Medicare")
                                                    .and())))
                    .as("25 on a procedure line bypasses nothing")
                    .hasSize(1);
            assertThat(
                            of(
                                    "NCCI-PTP-001",
                                    scrub(
                                            claims().line("C1", 1, "0353T")
                                                    .payer("Medicare")
                                                    .and()
                                                    .line("C1", 2, "76942")
                                                    .modifiers("91")
                                                    .payer("Medicare")
                                                    .and())))
                    .as("91 on an imaging guidance line bypasses nothing")
                    .hasSize(1);
        }

        @Test
        void addOnWithoutItsPrimaryIsAnErrorForEveryPayer() throws Exception {
            assertThat(of("NCCI-AOC-001", scrub(claims().line("C1", 1, "0753T").payer("Aetna"))))
                    .hasSize(1);
        }

        @Test
        void unitsOverTheMueOnADate() throws Exception {
            assertThat(
                            of(
                                    "NCCI-MUE-002",
                                    medicare(
                                            claims().line("C1", 1, "0353T")
                                                    .units("3")
                                                    .payer("Medicare")
                                                    .and())))
                    .singleElement()
                    .satisfies(
                            f -> {
                                assertThat(f.lineNumber()).isNull();
                                assertThat(f.message())
                                        .contains(
                                                "3 units of 0353T",
                                                "its MUE is 2",
                                                "appeal with documentation");
                            });
            assertThat(
                            of(
                                    "NCCI-MUE-002",
                                    medicare(
                                            claims().line("C1", 1, "0353T")
                                                    .units("2")
                                                    .payer("Medicare")
                                                    .and())))
                    .isEmpty();
            assertThat(
                            of(
                                    "NCCI-MUE-002",
                                    medicare(
                                            claims().line("C1", 1, "0353T")
                                                    .units("2")
                                                    .payer("Medicare")
                                                    .and()
                                                    .line("C1", 2, "0353T")
                                                    .modifiers("76")
                                                    .units("1")
                                                    .payer("Medicare")
                                                    .and())))
                    .as("over two lines of one date")
                    .hasSize(1);
        }

        @Test
        void unitsOverALineMueFromACmsFile() throws Exception {
            Path file =
                    Files.writeString(
                            dir.resolve("line.csv"),
                            claims().line("C1", 1, "76942")
                                    .units("2")
                                    .payer("Medicare")
                                    .and()
                                    .csv());
            List<Finding> findings =
                    Shipped.scrub(
                            Shipped.rules(),
                            Shipped.factsWith(Path.of("samples/rules/ncci-files/reference")),
                            file);
            assertThat(of("NCCI-MUE-001", findings))
                    .singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("adjudication indicator 1"));
            assertThat(
                            of(
                                    "NCCI-MUE-001",
                                    scrub(
                                            claims().line("C1", 1, "76942")
                                                    .units("2")
                                                    .payer("Medicare")
                                                    .and())))
                    .as("no line MUE in the curated rows")
                    .isEmpty();
        }

        @Test
        void addOnWithoutAListedPrimaryIsOneFindingCitingBothSources() throws Exception {
            List<Finding> findings =
                    medicare(claims().line("C1", 1, "0753T").payer("Medicare").and());
            assertThat(of("NCCI-AOC-001", findings))
                    .singleElement()
                    .satisfies(
                            f ->
                                    assertThat(f.source())
                                            .contains(
                                                    "cms-edits-2024q3.csv",
                                                    "002_786b855abe4afa89.txt"));
            assertThat(of("ADDON-001", findings)).isEmpty();
            assertThat(
                            of(
                                    "NCCI-AOC-001",
                                    medicare(
                                            claims().line("C1", 1, "88305")
                                                    .payer("Medicare")
                                                    .and()
                                                    .line("C1", 2, "0753T")
                                                    .payer("Medicare")
                                                    .and())))
                    .isEmpty();
        }

        @Test
        void addOnWhoseContractorMayAcceptOtherPrimariesIsAWarning() throws Exception {
            assertThat(
                            of(
                                    "NCCI-AOC-002",
                                    medicare(
                                            claims().line("C1", 1, "88311")
                                                    .payer("Medicare")
                                                    .and())))
                    .singleElement()
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
            assertThat(
                            of(
                                    "NCCI-AOC-002",
                                    medicare(
                                            claims().line("C1", 1, "88305")
                                                    .payer("Medicare")
                                                    .and()
                                                    .line("C1", 2, "88311")
                                                    .payer("Medicare")
                                                    .and())))
                    .isEmpty();
        }
    }

    /**
     * Every shipped rule names the public rule, policy or document it encodes (the README's rule
     * table shows it).
     */
    @Test
    void everyShippedRuleCitesItsPublicSource() throws Exception {
        assertThat(Shipped.rules().catalogue())
                .allSatisfy(rule -> assertThat(rule.source()).as(rule.id()).isNotBlank());
    }

    /**
     * Every shipped rule has a test here that picks its findings out by id, read from this file's
     * own text.
     */
    @Test
    void everyShippedRuleIsCoveredHere() throws Exception {
        String source =
                Files.readString(Path.of("src/test/java/org/claimscrubber/engine/RulesTest.java"));
        assertThat(Shipped.rules().catalogue())
                .extracting(RuleMetadata::id)
                .allSatisfy(
                        id -> assertThat(source).as(id).containsPattern("of\\(\\s*\"" + id + "\""));
    }
}
