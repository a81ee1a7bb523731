package org.claimscrubber.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.claimscrubber.files.BundledFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an analyst sees when a DRL file is wrong: the file, the line, the rule and what is wrong. */
class RuleCompilerTest {

    private static final String HEAD = """
            package scrubber;
            import org.claimscrubber.claims.ClaimLine;
            global org.claimscrubber.engine.FindingCollector findings;
            """;

    @TempDir
    Path dir;

    private RulesException compileError(String drl) throws Exception {
        Files.writeString(dir.resolve("test.drl"), HEAD + drl);
        return catchThrowableOfType(RulesException.class,
                () -> new RuleCompiler().compile(RuleSet.load(BundledFiles.Located.given(dir))));
    }

    @Test
    void theShippedRulesCompile() throws Exception {
        assertThat(new RuleCompiler().compile(RuleSet.load(BundledFiles.Located.given(Path.of("rules"))))
                .catalogue()).isNotEmpty();
    }

    @Test
    void aSyntaxErrorNamesFileLineAndColumn() throws Exception {
        RulesException e = compileError("""
                rule "Broken"
                    @id("T-001") @severity("ERROR") @category("CODE") @description("d")
                when
                    $line : ClaimLine(procedureCode == )
                then
                end
                """);
        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo(dir + "/test.drl");
            assertThat(d.line()).isEqualTo(7);
            assertThat(d.column()).isPositive();
        });
    }

    @Test
    void missingMetadataIsReportedAtTheRule() throws Exception {
        RulesException e = compileError("""
                rule "No severity"
                    @id("T-001") @category("CODE") @description("d")
                when
                    $line : ClaimLine()
                then
                end
                """);
        assertThat(e.diagnostics()).singleElement().hasToString(dir + "/test.drl:4:1: missing metadata @severity(...)"
                + " (every rule needs @id, @severity, @category and @description) (rule \"No severity\")");
    }

    @Test
    void anUnknownCategoryIsReportedAtItsAnnotation() throws Exception {
        RulesException e = compileError("""
                rule "Odd category"
                    @id("T-001") @severity("ERROR") @category("BILLING") @description("d")
                when
                    $line : ClaimLine()
                then
                end
                """);
        assertThat(e.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.message()).startsWith("@category \"BILLING\" is not one of [INPUT, CODE");
        });
    }
}
