package org.claimscrubber.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.claimscrubber.config.RunConfig;
import org.claimscrubber.domain.ProcedureDocument;
import org.claimscrubber.domain.SeedFact;
import org.claimscrubber.facts.FactBase;
import org.claimscrubber.facts.SeedDocument;

/**
 * The rule catalogue {@code rules list} prints and the README shows: each rule's metadata, its
 * payer scope, whether it is on, and the seed documents whose facts it reads.
 */
public final class RuleCatalogue {

    /**
     * One rule as listed. {@code documents} are seed file names; {@code status} is "on" or why it
     * is off.
     */
    public record Entry(RuleMetadata rule, List<String> documents, String status) {
        public String payers() {
            return rule.payers().isEmpty() ? "all" : String.join(", ", rule.payers());
        }
    }

    private RuleCatalogue() {}

    /**
     * @param rules compiled without config, so rules a config turns off still show what they read
     * @param config the config whose effect the status column shows
     */
    public static List<Entry> of(CompiledRules rules, FactBase facts, RunConfig config) {
        // Seed facts, and the scopes built from the documents' tables (diagnosis categories, named
        // specialties).
        Map<Object, String> fileOf = new IdentityHashMap<>();
        for (SeedFact fact : facts.seedFacts()) {
            if (!(fact
                    instanceof
                    ProcedureDocument)) { // every document rule finds the line's document first
                fileOf.put(fact, fact.provenance().file());
            }
        }
        facts.reconciled()
                .diagnosisScopes()
                .forEach(scope -> fileOf.put(scope, scope.table().provenance().file()));
        facts.reconciled()
                .specialtyScopes()
                .forEach(scope -> fileOf.put(scope, scope.table().provenance().file()));
        Map<Object, Set<String>> readers = FactReaders.of(rules, new ArrayList<>(fileOf.keySet()));
        Map<String, Set<String>> documents = new TreeMap<>();
        fileOf.forEach(
                (fact, file) -> {
                    for (String id : readers.get(fact)) {
                        documents.computeIfAbsent(id, k -> new TreeSet<>()).add(file);
                    }
                });
        List<Entry> entries = new ArrayList<>();
        for (RuleMetadata rule : rules.catalogue()) {
            String off = config.reasonOff(rule.id(), rule.category());
            entries.add(
                    new Entry(
                            rule,
                            List.copyOf(documents.getOrDefault(rule.id(), Set.of())),
                            off == null ? "on" : "off (" + off + ")"));
        }
        return entries;
    }

    public static String text(List<Entry> entries, FactBase facts) {
        StringBuilder out = new StringBuilder();
        for (Entry entry : entries) {
            RuleMetadata rule = entry.rule();
            out.append(
                    String.format(
                            "%-10s %-8s %-18s %s%n",
                            rule.id(), rule.severity(), rule.category(), rule.description()));
            out.append(
                    String.format(
                            "%-10s payers: %s; seeds: %s; %s; %s%n",
                            "",
                            entry.payers(),
                            documents(entry, facts),
                            entry.status(),
                            rule.location()));
        }
        return out.toString();
    }

    /** A Markdown table; the README's rule table is this output, and a test keeps the two equal. */
    public static String markdown(List<Entry> entries, FactBase facts) {
        StringBuilder out = new StringBuilder();
        out.append(
                "| Rule | Severity | Category | What it finds | Payers | Public source | Seed documents it reads |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (Entry entry : entries) {
            RuleMetadata rule = entry.rule();
            out.append("| ")
                    .append(rule.id())
                    .append(" | ")
                    .append(rule.severity())
                    .append(" | ")
                    .append(rule.category())
                    .append(" | ")
                    .append(rule.description().replace("|", "\\|"))
                    .append(" | ")
                    .append(entry.payers())
                    .append(" | ")
                    .append(rule.source().isEmpty() ? "-" : rule.source().replace("|", "\\|"))
                    .append(" | ")
                    .append(documents(entry, facts))
                    .append(" |\n");
        }
        return out.toString();
    }

    public static List<String[]> csvRows(List<Entry> entries) {
        List<String[]> rows = new ArrayList<>();
        rows.add(
                new String[] {
                    "rule_id",
                    "severity",
                    "category",
                    "description",
                    "payers",
                    "source",
                    "seed_documents",
                    "status",
                    "file",
                    "line"
                });
        for (Entry entry : entries) {
            RuleMetadata rule = entry.rule();
            rows.add(
                    new String[] {
                        rule.id(),
                        rule.severity().name(),
                        rule.category().name(),
                        rule.description(),
                        entry.payers(),
                        rule.source(),
                        String.join(";", entry.documents()),
                        entry.status(),
                        rule.file(),
                        Integer.toString(rule.line())
                    });
        }
        return rows;
    }

    /** "0352T (001_878d69fdffca6f24.txt)" for each document, or "-" for a rule that reads none. */
    private static String documents(Entry entry, FactBase facts) {
        if (entry.documents().isEmpty()) {
            return "-";
        }
        List<String> named = new ArrayList<>();
        for (String file : entry.documents()) {
            String code =
                    facts.documents().stream()
                            .filter(d -> d.file().equals(file))
                            .map(SeedDocument::procedureCode)
                            .findFirst()
                            .orElse("?");
            named.add(code + " (" + file + ")");
        }
        return String.join(", ", named);
    }
}
