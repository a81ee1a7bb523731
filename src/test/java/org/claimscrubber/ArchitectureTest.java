package org.claimscrubber;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house plan, read from the compiled classes by jdeps: no cycle between the project's packages,
 * only {@code engine} uses Drools, and every DRL import comes from {@code domain}.
 */
class ArchitectureTest {

    private static final Pattern EDGE =
            Pattern.compile("^\\s+org\\.claimscrubber\\.(\\w+)\\s+->\\s+(\\S+)");
    private static final Map<String, Set<String>> USES = new TreeMap<>();

    @BeforeAll
    static void readDependencies() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int code =
                jdeps.run(
                        new PrintWriter(out),
                        new PrintWriter(new StringWriter()),
                        "-verbose:package",
                        "target/classes");
        assertThat(code).as("jdeps").isZero();
        for (String line : out.toString().split("\n")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.find()) {
                USES.computeIfAbsent(edge.group(1), k -> new TreeSet<>()).add(edge.group(2));
            }
        }
        assertThat(USES)
                .containsKeys("domain", "input", "facts", "engine", "report", "batch", "cli");
    }

    private static Set<String> projectPackagesUsedBy(String pkg) {
        Set<String> used = new TreeSet<>();
        for (String target : USES.getOrDefault(pkg, Set.of())) {
            if (target.startsWith("org.claimscrubber.")) {
                String name = target.substring("org.claimscrubber.".length());
                if (!name.equals(pkg)) {
                    used.add(name);
                }
            }
        }
        return used;
    }

    @Test
    void thePackagesFormNoCycle() {
        List<String> cycles = new ArrayList<>();
        for (String start : USES.keySet()) {
            Deque<List<String>> paths = new ArrayDeque<>();
            paths.push(List.of(start));
            Set<String> seen = new TreeSet<>();
            while (!paths.isEmpty()) {
                List<String> path = paths.pop();
                for (String next : projectPackagesUsedBy(path.get(path.size() - 1))) {
                    if (next.equals(start)) {
                        List<String> cycle = new ArrayList<>(path);
                        cycle.add(start);
                        cycles.add(String.join(" -> ", cycle));
                    } else if (seen.add(next)) {
                        List<String> longer = new ArrayList<>(path);
                        longer.add(next);
                        paths.push(longer);
                    }
                }
            }
        }
        assertThat(cycles).isEmpty();
    }

    /**
     * The stages of a claim line's way, lowest first: a package uses only packages before it, so a
     * line goes from CSV ({@code input}) through the config, facts and rules to the reports, and
     * each package is passed once.
     */
    private static final List<String> LAYERS =
            List.of(
                    "domain", "files", "input", "config", "facts", "engine", "report", "history",
                    "setup", "batch", "samples", "bench", "cli", "spark");

    @Test
    void everyPackageUsesOnlyThePackagesBelowIt() {
        assertThat(LAYERS).containsAll(USES.keySet());
        List<String> upward = new ArrayList<>();
        for (String pkg : USES.keySet()) {
            for (String used : projectPackagesUsedBy(pkg)) {
                if (LAYERS.indexOf(used) > LAYERS.indexOf(pkg)) {
                    upward.add(pkg + " -> " + used);
                }
            }
        }
        assertThat(upward).isEmpty();
    }

    @Test
    void theDomainDependsOnNoOtherPackageOfTheProject() {
        assertThat(projectPackagesUsedBy("domain")).isEmpty();
    }

    @Test
    void onlyTheEnginePackageUsesDrools() {
        for (String pkg : USES.keySet()) {
            boolean drools =
                    USES.get(pkg).stream()
                            .anyMatch(t -> t.startsWith("org.drools") || t.startsWith("org.kie"));
            assertThat(drools).as(pkg).isEqualTo(pkg.equals("engine"));
        }
    }

    @Test
    void everyDrlImportComesFromTheDomainPackage() throws Exception {
        try (var files = Files.walk(Path.of("rules"))) {
            for (Path drl : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                for (String line : Files.readAllLines(drl)) {
                    if (line.startsWith("import org.claimscrubber.")
                            || line.startsWith("global ")) {
                        assertThat(line)
                                .as(drl + ": " + line)
                                .contains("org.claimscrubber.domain.");
                    }
                }
            }
        }
    }

    /**
     * A payer rule's scope is written once, in its @payers annotation, and the engine applies it:
     * no rule repeats it as a payers.is(payer, ...) condition, which could drift from the
     * annotation.
     */
    @Test
    void noRuleRepeatsItsPayerScopeAsACondition() throws Exception {
        try (var files = Files.walk(Path.of("rules"))) {
            for (Path drl : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                for (String rule : Files.readString(drl).split("\nrule ")) {
                    if (rule.contains("@payers(")) {
                        assertThat(rule)
                                .as(drl + ": a rule with @payers")
                                .doesNotContain("payers.is(payer");
                    }
                }
            }
        }
    }
}
