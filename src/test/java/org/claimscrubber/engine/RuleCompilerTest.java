package org.claimscrubber.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.claimscrubber.files.BundledFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * What an analyst sees when a DRL file is wrong: the file, the line, the rule and what is wrong.
 */
class RuleCompilerTest {

    private static final String HEAD =
            """
            package scrubber;
            import org.claimscrubber.domain.ClaimLine;
            global org.claimscrubber.domain.FindingCollector findings;
            """;

    @TempDir Path dir;

    private RulesException compileError(String drl) throws Exception {
        Files.writeString(dir.resolve("test.drl"), HEAD + drl);
        return catchThrowableOfType(
                RulesException.class,
                () -> new RuleCompiler().compile(RuleSet.load(BundledFiles.Located.given(dir))));
    }

    @Test
    void theShippedRulesCompileEachRuleWithItsMetadata() throws Exception {
        CompiledRules compiled =
                new RuleCompiler()
                        .compile(RuleSet.load(BundledFiles.Located.given(Path.of("rules"))));
        // every `rule "..."` written in the DRL files is in the catalogue, with an id, severity and
        // description
        long written = 0;
        try (var files = Files.walk(Path.of("rules"))) {
            for (Path drl : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                written +=
                        Files.readAllLines(drl).stream()
                                .filter(l -> l.startsWith("rule \""))
                                .count();
            }
        }
        assertThat(compiled.catalogue())
                .hasSize((int) written)
                .allSatisfy(
                        rule -> {
                            assertThat(rule.id()).matches("[A-Z]+(-[A-Z]+)?-\\d{3}");
                            assertThat(rule.severity()).isNotNull();
                            assertThat(rule.description()).isNotBlank();
                        });
        assertThat(compiled.catalogue()).extracting(RuleMetadata::id).doesNotHaveDuplicates();
    }

    @Test
    void aGlobalTheScrubberDoesNotSetIsAnErrorAtItsLine() throws Exception {
        RulesException e =
                compileError(
                        """
                global java.util.List codes;
                rule "Uses an unset global"
                    @id("T-001") @severity("ERROR") @category("CODE") @description("d")
                when
                    $line : ClaimLine(codes.contains(procedureCode))
                then
                end
                """);
        assertThat(e.diagnostics())
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.line()).isEqualTo(4);
                            assertThat(d.message())
                                    .contains(
                                            "global codes: the scrubber sets no global of type java.util.List",
                                            "org.claimscrubber.domain.NcciEdits");
                        });
    }

    @Test
    void aPatternOnReferenceDataIsAnErrorAtItsLineSinceReferenceDataIsAGlobalOnly()
            throws Exception {
        RulesException e =
                compileError(
                        """
                import org.claimscrubber.domain.RunContext;
                rule "Matches the run as a fact"
                    @id("T-001") @severity("ERROR") @category("CODE") @description("d")
                when
                    RunContext($today : today)
                    $line : ClaimLine(dateOfService > $today)
                then
                end
                """);
        assertThat(e.diagnostics())
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.line()).isEqualTo(8);
                            assertThat(d.message())
                                    .contains(
                                            "RunContext is reference data the scrubber sets as a global",
                                            "global org.claimscrubber.domain.RunContext <name>;");
                        });
    }

    @Test
    void aSyntaxErrorNamesFileLineAndColumn() throws Exception {
        RulesException e =
                compileError(
                        """
                rule "Broken"
                    @id("T-001") @severity("ERROR") @category("CODE") @description("d")
                when
                    $line : ClaimLine(procedureCode == )
                then
                end
                """);
        assertThat(e.diagnostics())
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.file()).isEqualTo(dir + "/test.drl");
                            assertThat(d.line()).isEqualTo(7);
                            assertThat(d.column()).isPositive();
                        });
    }

    @Test
    void missingMetadataIsReportedAtTheRule() throws Exception {
        RulesException e =
                compileError(
                        """
                rule "No severity"
                    @id("T-001") @category("CODE") @description("d")
                when
                    $line : ClaimLine()
                then
                end
                """);
        assertThat(e.diagnostics())
                .singleElement()
                .hasToString(
                        dir
                                + "/test.drl:4:1: missing metadata @severity(...)"
                                + " (every rule needs @id, @severity, @category and @description) (rule \"No severity\")");
    }

    @Test
    void anUnknownCategoryIsReportedAtItsAnnotation() throws Exception {
        RulesException e =
                compileError(
                        """
                rule "Odd category"
                    @id("T-001") @severity("ERROR") @category("BILLING") @description("d")
                when
                    $line : ClaimLine()
                then
                end
                """);
        assertThat(e.diagnostics())
                .singleElement()
                .satisfies(
                        d -> {
                            assertThat(d.line()).isEqualTo(5);
                            assertThat(d.message())
                                    .startsWith("@category \"BILLING\" is not one of [INPUT, CODE");
                        });
    }

    /**
     * The messages of a file with one error of each kind, at known lines, exactly as the analyst
     * sees them.
     */
    @Test
    void everyKindOfErrorIsReportedAtTheLineTheAnalystWrote() throws Exception {
        RulesException e =
                compileError(
                        """
                rule "Unknown field"
                    @id("T-001") @severity("ERROR") @category("CODE") @description("d")
                when
                    $line : ClaimLine(procedureKode == "0352T")
                then
                end

                rule "Unknown type"
                    @id("T-002") @severity("ERROR") @category("CODE") @description("d")
                when
                    $line : ClaimLime()
                then
                end

                rule "Type error"
                    @id("T-003") @severity("ERROR") @category("CODE") @description("d")
                when
                    $line : ClaimLine()
                then
                    findings.line(kcontext, $line, "x", "y");

                    int units = $line.procedureCode();
                end

                rule "Type error"
                    @id("T-004") @severity("ERROR") @category("CODE") @description("d")
                when
                    $line : ClaimLine()
                then
                end

                rule "Same id"
                    @id("T-001") @severity("FATAL") @category("CODE") @description("d")
                when
                    $line : ClaimLine()
                then
                end
                """);
        String file = dir + "/test.drl";
        assertThat(e.diagnostics())
                .extracting(RuleDiagnostic::toString)
                .containsExactly(
                        file
                                + ":7:5: unknown field 'procedureKode' on ClaimLine (its fields: claimId, claimOrder, lineNumber,"
                                + " claim, dateOfService, diagnoses, diagnosesRead, diagnosisCodes,"
                                + " diagnosisContradictsPatientSex, earlierRowWithItsNumber, fields, firstDiagnosis,"
                                + " firstEarlierDuplicate, hasMalformedDiagnosis, hasPatientAge, isFirstOfItsService,"
                                + " modifierKey, modifierSide, modifiers, patientAge, patientKey, patientSex, payer,"
                                + " placeOfService, priorAuthorization, procedureCode, renderingNpi, renderingTaxonomy,"
                                + " repeatsAnEarlierLineNumber, sharesProcedureWithAnotherLine, sourceFile, sourceLine,"
                                + " units, unitsOnItsDate) in 'procedureKode == \"0352T\"'"
                                + " (rule \"Unknown field\")",
                        file
                                + ":14:5: unknown fact type 'ClaimLime' (is it spelled right, and imported at the top of the"
                                + " file?) (rule \"Unknown type\")",
                        file
                                + ":25:5: in the consequence: Type mismatch: cannot convert from String to int"
                                + " (rule \"Type error\")",
                        file
                                + ":28:1: duplicate rule name; also declared at "
                                + file
                                + ":18 (rule \"Type error\")",
                        file
                                + ":36:5: duplicate rule id T-001; also used by rule \"Unknown field\" at "
                                + file
                                + ":4"
                                + " (rule \"Same id\")",
                        file
                                + ":36:18: @severity \"FATAL\" is not one of [ERROR, WARNING, INFO] (rule \"Same id\")");
    }

    @Test
    void anIdOfTheWrongShapeIsReported() throws Exception {
        RulesException e =
                compileError(
                        """
                rule "Bad id"
                    @id("mod one") @severity("ERROR") @category("CODE") @description("d")
                when
                    $line : ClaimLine()
                then
                end
                """);
        assertThat(e.diagnostics())
                .singleElement()
                .hasToString(
                        dir
                                + "/test.drl:5:5: @id \"mod one\" is not of the"
                                + " form PREFIX-NUMBER, e.g. MOD-001 or NCCI-PTP-001 (rule \"Bad id\")");
    }

    @Test
    void rulesInSubFoldersLoad() throws Exception {
        Files.createDirectories(dir.resolve("payers/medicare"));
        Files.writeString(
                dir.resolve("payers/medicare/one.drl"),
                HEAD
                        + """
                rule "Deep"
                    @id("T-009") @severity("INFO") @category("CODE") @description("d")
                when
                    $line : ClaimLine()
                then
                end
                """);
        CompiledRules rules =
                new RuleCompiler().compile(RuleSet.load(BundledFiles.Located.given(dir)));
        assertThat(rules.catalogue())
                .singleElement()
                .satisfies(
                        rule -> {
                            assertThat(rule.id()).isEqualTo("T-009");
                            assertThat(rule.file()).isEqualTo(dir + "/payers/medicare/one.drl");
                        });
    }

    @Test
    void aFieldComparedWithALiteralOfAnotherTypeIsReportedAtItsLine() throws Exception {
        RulesException e =
                compileError(
                        """
                rule "Number against text"
                    @id("TYP-001") @severity("INFO") @category("CODE") @description("d")
                when
                    $line : ClaimLine(procedureCode == 753)
                then
                end

                rule "Text against a number"
                    @id("TYP-002") @severity("INFO") @category("CODE") @description("d")
                when
                    $line : ClaimLine(units == "two")
                then
                end
                """);
        assertThat(e.diagnostics())
                .extracting(Object::toString)
                .containsExactly(
                        dir
                                + "/test.drl:7:23: 'procedureCode == 753' compares the text field procedureCode with a number, which"
                                + " never matches: quote it (procedureCode == \"753\")",
                        dir
                                + "/test.drl:14:23: 'units == \"two\"' compares the number field units with text, which fails when"
                                + " the rule runs: write a number");
    }

    /**
     * Issue 22: Drools' raw parser messages said as an analyst needs them, for the ten mistakes
     * made most.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            textBlock =
                    """
            no end           | $line : ClaimLine()                                   | ;                | END_MISSING | rule "A" starting at line 4 has no 'end'
            no then          | $line : ClaimLine()                                   | ;                | THEN_MISSING | rule "A" starting at line 4 has no 'then'
            unclosed bracket | $line : ClaimLine(procedureCode == "0352T"           | ;                |             | a condition is not closed before 'then': a '(' without its ')' on line 7?
            unclosed string  | $line : ClaimLine(procedureCode == "0352T)           | ;                |             | a string is not closed on line 7
            single equals    | $line : ClaimLine(procedureCode = "0352T")          | ;                |             | '=' assigns; a condition compares with '=='
            no semicolon     | $line : ClaimLine()                                   |                  |             | in the consequence: this statement needs a ';' at its end
            unquoted name    | $line : ClaimLine()                                   | ;                | UNQUOTED    | a rule's name is written in double quotes: rule "A B"
            misspelt when    | $line : ClaimLine()                                   | ;                | WHNE        | 'whne' is not a DRL keyword: did you mean 'when'?
            missing comma    | $line : ClaimLine(procedureCode == "0352T" units > 1) | ;                |             | constraints are separated by commas: is a ',' missing before 'units'?
            no colon         | $line ClaimLine()                                     | ;                |             | a fact is bound as '$name : Type(...)': is the ':' missing before 'ClaimLine'?
            """)
    void aCommonMistakeIsSaidPlainly(
            String mistake, String condition, String semicolon, String variant, String said)
            throws Exception {
        String header = variant != null && variant.equals("UNQUOTED") ? "rule A B" : "rule \"A\"";
        String when = variant != null && variant.equals("WHNE") ? "whne" : "when";
        String drl =
                "package scrubber;\nimport org.claimscrubber.domain.ClaimLine;\n"
                        + "global org.claimscrubber.domain.FindingCollector findings;\n"
                        + header
                        + "\n"
                        + "    @id(\"T-001\") @severity(\"ERROR\") @category(\"CODE\") @description(\"d\") @source(\"s\")\n"
                        + when
                        + "\n    "
                        + condition
                        + "\n"
                        + (variant != null && variant.equals("THEN_MISSING") ? "" : "then\n")
                        + "    findings.line(kcontext, $line, \"m\", \"s\")"
                        + (semicolon == null ? "" : semicolon)
                        + "\n"
                        + (variant != null && variant.equals("END_MISSING") ? "" : "end\n");
        Path rules = Files.createDirectories(dir.resolve(mistake.replace(' ', '-')));
        Files.writeString(rules.resolve("t.drl"), drl);
        Assertions.assertThatThrownBy(
                        () ->
                                new RuleCompiler()
                                        .compile(RuleSet.load(BundledFiles.Located.given(rules))))
                .isInstanceOf(RulesException.class)
                .hasMessageContaining(said)
                .hasMessageNotContaining("[ERR 102]");
    }
}
