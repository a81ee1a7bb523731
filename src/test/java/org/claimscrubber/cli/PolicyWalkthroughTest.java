package org.claimscrubber.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.claimscrubber.Cli;
import org.claimscrubber.Shipped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payer policy walk-through of docs/rules.md, as an analyst follows it: show the example
 * table's DRL, run its suite, copy a table into the rules, check them, and see what it changes
 * against an earlier run.
 */
class PolicyWalkthroughTest {

    @TempDir Path dir;

    @Test
    void anAnalystAddsAPolicyRowWithoutJava() throws Exception {
        Cli.Result shown =
                Cli.execute("rules", "show", "samples/policies/rules/example.policies.csv");
        assertThat(shown.exitCode()).isZero();
        assertThat(shown.out())
                .contains(
                        "rule \"samples/policies/rules/example.policies.csv row 2: EXAMPLE-AET-001\"");

        Cli.Result suite = Cli.execute("test", "--as-of", "2026-11-24", "samples/policies");
        assertThat(suite.exitCode()).as(suite.out() + suite.err()).isZero();
        assertThat(suite.out()).contains("1 suite", "0 failed");

        Path claims = Path.of("samples/policies/claims.csv");
        Path before = dir.resolve("before");
        assertThat(
                        Cli.execute(
                                        "run",
                                        "--as-of",
                                        "2026-11-24",
                                        "--out",
                                        before.toString(),
                                        claims.toString())
                                .exitCode())
                .isZero();
        Path rules = Shipped.copyRules(dir.resolve("rules"));
        Files.writeString(
                rules.resolve("aetna.policies.csv"),
                String.join(
                        "\n",
                        "rule_id,payers,procedure_codes,effective_from,effective_to,condition,value,severity,message,source",
                        "AET-001,Aetna,0352T,2026-01-01,,prior_auth_required,,ERROR,0352T needs a prior authorization number,"
                                + "Aetna policy 0352T (2026-01-01)",
                        ""));
        Cli.Result check =
                Cli.execute("rules", "check", "--rules", rules.toString(), "--no-rules-cache");
        assertThat(check.exitCode()).as(check.err()).isZero();
        Path after = dir.resolve("after");
        Cli.Result run =
                Cli.execute(
                        "run",
                        "--as-of",
                        "2026-11-24",
                        "--rules",
                        rules.toString(),
                        "--baseline",
                        before.toString(),
                        "--out",
                        after.toString(),
                        claims.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(after.resolve("changes.csv")))
                .contains("AET-001", "POL-AET-NO-PA");
        assertThat(run.out()).contains("newly held: 1 claim,");
    }
}
