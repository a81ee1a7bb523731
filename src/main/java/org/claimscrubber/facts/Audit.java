package org.claimscrubber.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.claimscrubber.domain.AddOnCode;
import org.claimscrubber.domain.CodeEntry;
import org.claimscrubber.domain.DiagnosisEntry;
import org.claimscrubber.domain.ModifierEntry;
import org.claimscrubber.domain.NotAvailable;
import org.claimscrubber.domain.OfficialCheck;
import org.claimscrubber.domain.OfficialCode;
import org.claimscrubber.domain.OfficialKind;
import org.claimscrubber.domain.ProcedureDocument;
import org.claimscrubber.domain.RelatedProcedureEntry;
import org.claimscrubber.domain.SeedFact;
import org.claimscrubber.domain.TableInfo;
import org.claimscrubber.domain.TableKind;
import org.claimscrubber.domain.TaxonomyEntry;
import org.claimscrubber.domain.WordingMatch;

/**
 * Where the seed documents are wrong or incomplete, checked against each other and against the
 * official facts (the curated table, and the full code sets when --reference loads them). Each item
 * names the seed file and line it is about. The audit reports; it changes nothing the rules see.
 */
public final class Audit {

    /** The audit's four groups, in the order they are printed. */
    public enum Group {
        CONTRADICTIONS("Contradictions between seed documents"),
        OFFICIAL("Seed facts that contradict the official facts"),
        STRUCTURE("Structure: cut-off rows, missing tables, unavailable data, unread rows"),
        ADVICE("Advice that contradicts coding rules");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** One thing found: where (seed file and line), about which code, and what. */
    public record Item(Group group, String file, int line, String code, String message) {
        public String location() {
            return file + ":" + line;
        }
    }

    private final FactBase facts;
    private final LocalDate today;
    private final List<Item> items = new ArrayList<>();

    private Audit(FactBase facts, LocalDate today) {
        this.facts = facts;
        this.today = today;
    }

    /**
     * @param today the day against which "not yet effective" is judged
     */
    public static List<Item> of(FactBase facts, LocalDate today) {
        Audit audit = new Audit(facts, today);
        audit.contradictions();
        audit.official();
        audit.structure();
        audit.advice();
        return List.copyOf(audit.items);
    }

    // ---- 1. documents that describe the same code differently ----

    private void contradictions() {
        Map<String, List<Wording>> byCode = new LinkedHashMap<>();
        for (SeedFact fact : facts.seedFacts()) {
            Wording wording = wordingOf(fact);
            if (wording != null && !wording.text().isBlank()) {
                byCode.computeIfAbsent(wording.kind() + " " + fact.key(), k -> new ArrayList<>())
                        .add(wording);
            }
        }
        for (List<Wording> wordings : byCode.values()) {
            Wording first = wordings.get(0);
            List<Wording> differing =
                    wordings.stream()
                            .filter(
                                    other ->
                                            !other.fact()
                                                    .provenance()
                                                    .file()
                                                    .equals(first.fact().provenance().file()))
                            .filter(
                                    other ->
                                            !WordingMatch.agree(
                                                    first.text(),
                                                    other.text(),
                                                    threshold(first.kind())))
                            .toList();
            if (!differing.isEmpty()) {
                String others =
                        differing.stream()
                                .map(
                                        w ->
                                                "'"
                                                        + w.text()
                                                        + "' at "
                                                        + w.fact().provenance().location())
                                .collect(Collectors.joining("; "));
                add(
                        Group.CONTRADICTIONS,
                        first.fact(),
                        first.kind()
                                + " "
                                + first.fact().key()
                                + " is '"
                                + first.text()
                                + "' here but "
                                + others);
            }
        }
    }

    /** A table row's code and how the document words it. */
    private record Wording(String kind, SeedFact fact, String text) {}

    private static Wording wordingOf(SeedFact fact) {
        if (fact instanceof ModifierEntry modifier) {
            return new Wording("modifier", fact, modifier.description());
        }
        if (fact instanceof TaxonomyEntry taxonomy) {
            return new Wording("taxonomy", fact, taxonomy.specialty());
        }
        if (fact instanceof DiagnosisEntry diagnosis) {
            return new Wording("diagnosis", fact, diagnosis.description());
        }
        if (fact instanceof RelatedProcedureEntry related
                && !related.description().startsWith("(")) {
            return new Wording(
                    "procedure", fact, related.description()); // a table row, not a prose companion
        }
        return null;
    }

    private static double threshold(String kind) {
        return kind.equals("diagnosis")
                ? WordingMatch.DIAGNOSIS_AGREEMENT
                : WordingMatch.LABEL_AGREEMENT;
    }

    // ---- 2. seed facts against the official facts ----

    /**
     * Every seed row the official facts contradict (the verdicts the rules use), and headers listed
     * as codes.
     */
    private void official() {
        for (SeedFact fact : facts.seedFacts()) {
            OfficialCheck check = checkOf(fact);
            if (check != null && check.contradicted()) {
                add(
                        Group.OFFICIAL,
                        fact,
                        check.problem()
                                + (check.source().isEmpty() ? "" : " (" + check.source() + ")"));
            }
            if (fact instanceof DiagnosisEntry diagnosis
                    && facts.diagnosisCodes().isNonBillable(diagnosis.diagnosis())) {
                CodeEntry entry = facts.diagnosisCodes().entry(diagnosis.diagnosis());
                add(
                        Group.OFFICIAL,
                        fact,
                        "diagnosis "
                                + diagnosis.diagnosis()
                                + " is a category header, not billable: "
                                + entry.label()
                                + " ("
                                + entry.source()
                                + ")");
            }
        }
        procedures();
    }

    private static OfficialCheck checkOf(SeedFact fact) {
        if (fact instanceof ModifierEntry modifier) {
            return modifier.check();
        }
        if (fact instanceof DiagnosisEntry diagnosis) {
            return diagnosis.check();
        }
        return fact instanceof TaxonomyEntry taxonomy ? taxonomy.check() : null;
    }

    /**
     * Procedure codes a document is about or names (primary, related) that are deleted or not yet
     * in effect.
     */
    private void procedures() {
        Map<String, SeedFact> named = new LinkedHashMap<>();
        for (SeedFact fact : facts.seedFacts()) {
            if (fact instanceof ProcedureDocument document) {
                named.putIfAbsent(document.procedureCode(), fact);
            } else if (fact instanceof AddOnCode addOn) {
                named.putIfAbsent(addOn.primaryCode(), fact);
            }
        }
        named.forEach(
                (code, fact) ->
                        facts.official()
                                .find(OfficialKind.PROCEDURE, code)
                                .ifPresent(
                                        row -> {
                                            String role =
                                                    fact instanceof AddOnCode addOn
                                                            ? code
                                                                    + " (named as "
                                                                    + addOn.procedureCode()
                                                                    + "'s primary code)"
                                                            : code;
                                            if (row.deletion() != null
                                                    && !today.isBefore(row.deletion())) {
                                                add(
                                                        Group.OFFICIAL,
                                                        fact,
                                                        role
                                                                + " was deleted from "
                                                                + row.deletion()
                                                                + " ("
                                                                + row.citation()
                                                                + "); the document does not say so, and claims for it after that date are rejected");
                                            } else if (row.effective() != null
                                                    && today.isBefore(row.effective())) {
                                                add(
                                                        Group.OFFICIAL,
                                                        fact,
                                                        role
                                                                + " is not in effect until "
                                                                + row.effective()
                                                                + " ("
                                                                + row.citation()
                                                                + ")");
                                            }
                                        }));
    }

    // ---- 3. structure ----

    private void structure() {
        Set<Integer> cutRows = new HashSet<>();
        for (SeedDocument document : facts.documents()) {
            if (document.procedureCode() == null) {
                items.add(
                        new Item(
                                Group.STRUCTURE,
                                document.file(),
                                1,
                                "",
                                "no procedure code found; no facts read"));
                continue;
            }
            Set<TableKind> present = EnumSet.noneOf(TableKind.class);
            for (TableInfo table : document.factsOf(TableInfo.class)) {
                present.add(table.table());
                if (table.cutOff()) {
                    cutRows.add(table.lastLine());
                    items.add(
                            new Item(
                                    Group.STRUCTURE,
                                    document.file(),
                                    table.lastLine(),
                                    document.procedureCode(),
                                    "the "
                                            + table.table().rowNoun()
                                            + " table is cut off: the document ends inside its row at line "
                                            + table.lastLine()
                                            + ", so the list is incomplete"));
                }
            }
            Set<TableKind> absent = EnumSet.allOf(TableKind.class);
            absent.removeAll(present);
            List<String> missing = absent.stream().map(kind -> kind.rowNoun() + " table").toList();
            if (!missing.isEmpty()) {
                items.add(
                        new Item(
                                Group.STRUCTURE,
                                document.file(),
                                1,
                                document.procedureCode(),
                                "no " + String.join(", no ", missing)));
            }
            for (NotAvailable marker : document.factsOf(NotAvailable.class)) {
                add(
                        Group.STRUCTURE,
                        marker,
                        "the document says data is not available (section "
                                + marker.section()
                                + ")");
            }
            for (ParseNote note : document.notes()) {
                if (note.level() == ParseNote.Level.WARNING && !cutRows.contains(note.line())) {
                    items.add(
                            new Item(
                                    Group.STRUCTURE,
                                    note.file(),
                                    note.line(),
                                    document.procedureCode(),
                                    "the parser: " + note.message()));
                }
            }
            cutRows.clear();
        }
        for (Interpretation reading : facts.interpretations().rows()) {
            boolean used =
                    facts.seedFacts().stream()
                                    .anyMatch(
                                            fact ->
                                                    reading.source()
                                                            .equals(
                                                                    fact.provenance()
                                                                            .interpretedBy()))
                            || facts.reconciled().specialtyScopes().stream()
                                    .anyMatch(scope -> scope.sources().contains(reading.source()))
                            || facts.reconciled().diagnosisScopes().stream()
                                    .anyMatch(
                                            scope ->
                                                    reading.source().equals(scope.interpretedBy()));
            if (!used) {
                String[] at = reading.source().split(":");
                items.add(
                        new Item(
                                Group.STRUCTURE,
                                at[0],
                                Integer.parseInt(at[1]),
                                reading.appliesTo(),
                                "this interpretation ("
                                        + reading.kind()
                                        + " '"
                                        + reading.phrase()
                                        + "') matches no seed text"));
            }
        }
    }

    // ---- 4. advice against coding rules ----

    private void advice() {
        for (OfficialCode rule : facts.official().ofKind(OfficialKind.RULE)) {
            if (!rule.status().equals(OfficialCode.NOT_FOR_ADD_ON)) {
                continue;
            }
            for (SeedDocument document : facts.documents()) {
                boolean addOn =
                        !document.factsOf(AddOnCode.class).isEmpty()
                                || facts.official()
                                        .find(
                                                OfficialKind.PROCEDURE,
                                                String.valueOf(document.procedureCode()))
                                        .filter(row -> !row.addOnPrimary().isBlank())
                                        .isPresent();
                if (!addOn) {
                    continue;
                }
                for (ModifierEntry modifier : document.factsOf(ModifierEntry.class)) {
                    if (modifier.modifier().equals(rule.code())) {
                        add(
                                Group.ADVICE,
                                modifier,
                                "the document lists modifier "
                                        + rule.code()
                                        + " for "
                                        + document.procedureCode()
                                        + ", an add-on code; "
                                        + rule.label()
                                        + " ("
                                        + rule.citation()
                                        + ")");
                    }
                }
            }
        }
    }

    private void add(Group group, SeedFact fact, String message) {
        items.add(
                new Item(
                        group,
                        fact.provenance().file(),
                        fact.provenance().line(),
                        fact.procedureCode(),
                        message));
    }
}
