package org.claimscrubber.facts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.claimscrubber.domain.CodeEntry;
import org.claimscrubber.domain.DiagnosisCodes;
import org.claimscrubber.domain.DiagnosisEntry;
import org.claimscrubber.domain.DiagnosisScope;
import org.claimscrubber.domain.ModifierClass;
import org.claimscrubber.domain.ModifierEntry;
import org.claimscrubber.domain.OfficialCheck;
import org.claimscrubber.domain.OfficialCode;
import org.claimscrubber.domain.OfficialKind;
import org.claimscrubber.domain.SeedFact;
import org.claimscrubber.domain.SpecialtyScope;
import org.claimscrubber.domain.TableInfo;
import org.claimscrubber.domain.TableKind;
import org.claimscrubber.domain.TaxonomyCodes;
import org.claimscrubber.domain.TaxonomyEntry;
import org.claimscrubber.domain.WordingMatch;

/**
 * Compares every seed table row with the official facts and records the verdict on the row ({@link
 * OfficialCheck}): the seed documents are evidence about typical use, the official code sets are
 * the authority. Also builds, per document, the diagnosis and specialty scopes the rules judge
 * claims by.
 */
public final class Reconciler {

    /**
     * Words that only name a side or a sex: a row wrong only in these still names the right
     * category.
     */
    private static final String SIDE_AND_SEX_WORDS = "(?i)\\b(right|left|male|female)\\b";

    private static final String SIDE_OR_SEX_ONLY =
            " (the side or sex is wrong; the ICD-10-CM category is right)";

    /** The reconciled documents and the scopes built from them. */
    public record Result(
            List<SeedDocument> documents,
            List<DiagnosisScope> diagnosisScopes,
            List<SpecialtyScope> specialtyScopes) {}

    private final Map<String, ModifierClass> modifierClasses;
    private final OfficialFacts official;
    private final DiagnosisCodes diagnoses;
    private final TaxonomyCodes taxonomies;
    private final Interpretations interpretations;

    public Reconciler(
            Map<String, ModifierClass> modifierClasses,
            OfficialFacts official,
            DiagnosisCodes diagnoses,
            TaxonomyCodes taxonomies,
            Interpretations interpretations) {
        this.modifierClasses = modifierClasses;
        this.official = official;
        this.diagnoses = diagnoses;
        this.taxonomies = taxonomies;
        this.interpretations = interpretations;
    }

    public Result reconcile(List<SeedDocument> documents) {
        List<SeedDocument> checked = new ArrayList<>();
        List<DiagnosisScope> diagnosisScopes = new ArrayList<>();
        List<SpecialtyScope> specialtyScopes = new ArrayList<>();
        for (SeedDocument document : documents) {
            List<SeedFact> facts = new ArrayList<>();
            for (SeedFact fact : document.facts()) {
                facts.add(check(fact));
            }
            SeedDocument reconciled =
                    new SeedDocument(
                            document.file(), document.procedureCode(), facts, document.notes());
            checked.add(reconciled);
            if (document.procedureCode() != null) {
                diagnosisScope(reconciled).ifPresent(diagnosisScopes::add);
                specialtyScope(reconciled).ifPresent(specialtyScopes::add);
            }
        }
        return new Result(checked, diagnosisScopes, specialtyScopes);
    }

    private SeedFact check(SeedFact fact) {
        if (fact instanceof ModifierEntry modifier) {
            return modifier.checked(modifier(modifier));
        }
        if (fact instanceof DiagnosisEntry diagnosis) {
            return diagnosis.checked(diagnosis(diagnosis));
        }
        if (fact instanceof TaxonomyEntry taxonomy) {
            return taxonomy.checked(taxonomy(taxonomy));
        }
        return fact;
    }

    private OfficialCheck modifier(ModifierEntry row) {
        String label;
        String source;
        ModifierClass known = modifierClasses.get(row.modifier());
        Optional<OfficialCode> listed = official.find(OfficialKind.MODIFIER, row.modifier());
        if (known != null) {
            label = known.label();
            source = known.citation();
        } else if (listed.isPresent()) {
            label = listed.get().label();
            source = listed.get().citation();
        } else {
            return OfficialCheck.UNCHECKED;
        }
        if (row.description().isBlank()) {
            return OfficialCheck.unverified(label, source);
        }
        String plain = label.replaceAll("\\s*\\([^)]*\\)", "").strip();
        return WordingMatch.agree(row.description(), plain, WordingMatch.LABEL_AGREEMENT)
                ? OfficialCheck.confirmed(label, source)
                : OfficialCheck.contradicted(
                        label,
                        source,
                        "the document describes "
                                + row.modifier()
                                + " as '"
                                + row.description()
                                + "', but "
                                + row.modifier()
                                + " is '"
                                + label
                                + "'");
    }

    private OfficialCheck diagnosis(DiagnosisEntry row) {
        CodeEntry entry = diagnoses.entry(row.diagnosis());
        if (entry == null) {
            return OfficialCheck.contradicted(
                    "", diagnoses.release(), row.diagnosis() + " is not an ICD-10-CM code");
        }
        String plain = entry.label().replaceAll("\\s*\\([^)]*\\)", "").strip();
        if (row.description().isBlank()
                || WordingMatch.agree(row.description(), plain, WordingMatch.DIAGNOSIS_AGREEMENT)) {
            return OfficialCheck.confirmed(entry.label(), entry.source());
        }
        String problem =
                "the document describes "
                        + row.diagnosis()
                        + " as '"
                        + row.description()
                        + "', but it is '"
                        + plain
                        + "'";
        boolean onlySideOrSex =
                WordingMatch.agree(
                        row.description().replaceAll(SIDE_AND_SEX_WORDS, " "),
                        plain.replaceAll(SIDE_AND_SEX_WORDS, " "),
                        WordingMatch.DIAGNOSIS_AGREEMENT);
        return OfficialCheck.contradicted(
                entry.label(),
                entry.source(),
                onlySideOrSex ? problem + SIDE_OR_SEX_ONLY : problem);
    }

    private OfficialCheck taxonomy(TaxonomyEntry row) {
        if (taxonomies.isNotACode(row.taxonomy())) {
            return OfficialCheck.contradicted(
                    "",
                    "NUCC Health Care Provider Taxonomy",
                    row.taxonomy() + " is not a NUCC taxonomy code");
        }
        CodeEntry entry = taxonomies.entry(row.taxonomy());
        if (entry == null) {
            return OfficialCheck.UNCHECKED;
        }
        int last = entry.label().lastIndexOf(" / ");
        String lastPart = last < 0 ? entry.label() : entry.label().substring(last + 3);
        if (WordingMatch.agree(row.specialty(), lastPart, WordingMatch.LABEL_AGREEMENT)
                || WordingMatch.agree(
                        row.specialty(), entry.label(), WordingMatch.LABEL_AGREEMENT)) {
            return OfficialCheck.confirmed(entry.label(), entry.source());
        }
        return OfficialCheck.contradicted(
                entry.label(),
                entry.source(),
                "the document labels "
                        + row.taxonomy()
                        + " '"
                        + row.specialty()
                        + "', but "
                        + row.taxonomy()
                        + " is '"
                        + entry.label()
                        + "'");
    }

    /**
     * A contradiction only in side or sex still names the right category (seed 001 swaps
     * C50.911/C50.912).
     */
    private static boolean countsForItsCategory(DiagnosisEntry row) {
        return !row.contradicted() || row.check().problem().endsWith(SIDE_OR_SEX_ONLY);
    }

    private Optional<DiagnosisScope> diagnosisScope(SeedDocument document) {
        Optional<TableInfo> table =
                document.factsOf(TableInfo.class).stream()
                        .filter(info -> info.table() == TableKind.DIAGNOSES)
                        .findFirst();
        if (table.isEmpty()) {
            return Optional.empty();
        }
        List<DiagnosisEntry> counted = new ArrayList<>();
        List<DiagnosisEntry> notCounted = new ArrayList<>();
        Set<String> categories = new LinkedHashSet<>();
        for (DiagnosisEntry row : document.factsOf(DiagnosisEntry.class)) {
            if (countsForItsCategory(row)) {
                counted.add(row);
                categories.add(DiagnosisScope.categoryOf(row.diagnosis()));
            } else {
                notCounted.add(row);
            }
        }
        Optional<Interpretation> unrestricted =
                interpretations
                        .ofKind(Interpretation.Kind.DIAGNOSIS_SCOPE, document.procedureCode())
                        .stream()
                        .filter(reading -> reading.values().contains("ANY"))
                        .findFirst();
        return Optional.of(
                new DiagnosisScope(
                        document.procedureCode(),
                        categories,
                        counted,
                        notCounted,
                        unrestricted.isPresent(),
                        table.get(),
                        unrestricted.map(Interpretation::source).orElse(null)));
    }

    private Optional<SpecialtyScope> specialtyScope(SeedDocument document) {
        Optional<TableInfo> table =
                document.factsOf(TableInfo.class).stream()
                        .filter(info -> info.table() == TableKind.TAXONOMIES)
                        .findFirst();
        if (table.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        Set<String> classifications = new LinkedHashSet<>();
        List<String> sources = new ArrayList<>();
        for (TaxonomyEntry row : document.factsOf(TaxonomyEntry.class)) {
            Optional<Interpretation> reading =
                    interpretations.find(
                            Interpretation.Kind.SPECIALTY,
                            document.procedureCode(),
                            row.specialty());
            if (reading.isEmpty()) {
                continue;
            }
            names.add(row.specialty());
            sources.add(reading.get().source());
            for (String code : reading.get().values()) {
                String classification = taxonomies.classificationOf(code);
                if (classification != null) {
                    classifications.add(classification);
                }
            }
        }
        if (classifications.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new SpecialtyScope(
                        document.procedureCode(),
                        names,
                        classifications,
                        sources,
                        table.get(),
                        taxonomies));
    }
}
