package org.claimscrubber.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimscrubber.Shipped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A compliance analyst's loop: change a rule, run against last night's export with --baseline, read what changed. */
class CompareTest {

    @TempDir
    Path dir;

    private String run(String... args) {
        StringWriter out = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), args);
        assertThat(code).as(out.toString()).isZero();
        return out.toString();
    }

    @Test
    void aSeverityChangeShowsAsChangedFindingsAndNewlyHeldClaims() throws Exception {
        Path lastNight = dir.resolve("last-night");
        run("run", "--rules", "rules", "--seeds", "seeds", "--as-of", "2026-11-24", "--out", lastNight.toString(),
                "samples/export/claims.csv");
        Path rules = Shipped.copyRules(dir.resolve("rules"));
        Path pos = rules.resolve("place-of-service.drl");
        Files.writeString(pos, Files.readString(pos).replace("@severity(\"WARNING\")", "@severity(\"ERROR\")"));
        Files.delete(rules.resolve("related-procedures.drl"));
        Path trial = dir.resolve("trial");
        String out = run("run", "--rules", rules.toString(), "--seeds", "seeds", "--as-of", "2026-11-24", "--baseline",
                lastNight.toString(), "--out", trial.toString(), "samples/export/claims.csv");
        assertThat(out).contains("changed: 1 (POS-001 1)", "removed: 1 (REL-001 1)", "newly held: 1 claim, $4,860.00");
        List<String> changes = Files.readAllLines(trial.resolve("changes.csv"));
        assertThat(changes).anyMatch(line -> line.startsWith("changed,POS-001,CLM-1007,2,0352T,WARNING,ERROR"))
                .anyMatch(line -> line.startsWith("removed,REL-001,CLM-1011,1,0352T,INFO,,"))
                .anyMatch(line -> line.equals("newly_held,,CLM-1007,,,,,,,4860.00"));
        assertThat(Files.readString(trial.resolve("report.html"))).contains("Changes against the baseline",
                "<td>newly held</td><td></td><td>1 ($4,860.00)</td>", "<td>changed</td><td>POS-001</td><td>1</td>");
        assertThat(run("compare", lastNight.toString(), trial.toString())).contains("changed: 1 (POS-001 1)");
        assertThat(run("compare", lastNight.toString(), lastNight.toString())).contains("no change in the findings");
    }
}
