package org.claimscrubber.facts;

import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.domain.DiagnosisCodes;
import org.claimscrubber.domain.ModifierClass;
import org.claimscrubber.domain.ProcedureClass;
import org.claimscrubber.domain.SeedFact;
import org.claimscrubber.domain.TaxonomyCodes;

/**
 * Everything the rules are joined with: the parsed seed documents and the interpretations used to read
 * them, the curated official facts, the full code sets when --reference loads them, with where they came
 * from and a hash that changes when any of the seeds' files does.
 */
public record FactBase(String seedsLabel, List<SeedDocument> documents, Interpretations interpretations,
                       String interpretationsLabel, OfficialFacts official, String officialLabel,
                       ReferenceFiles reference, DiagnosisCodes diagnosisCodes, TaxonomyCodes taxonomyCodes,
                       CodePolicy policy, Reconciler.Result reconciled, org.claimscrubber.domain.NcciEdits ncci,
                       String hash) {

    public FactBase {
        documents = List.copyOf(documents);
    }

    /** The curated modifier classes, procedure classes and diagnosis ages (modifier-classes.csv, ...). */
    public record CodePolicy(List<ModifierClass> modifierClasses, List<ProcedureClass> procedureClasses,
                             org.claimscrubber.domain.DiagnosisAges diagnosisAges,
                             List<org.claimscrubber.domain.ProcedureIndication> procedureIndications) {
        public CodePolicy {
            modifierClasses = List.copyOf(modifierClasses);
            procedureClasses = List.copyOf(procedureClasses);
            procedureIndications = List.copyOf(procedureIndications);
        }
    }

    public List<SeedFact> seedFacts() {
        return documents.stream().flatMap(document -> document.facts().stream()).toList();
    }

    public List<ParseNote> notes() {
        return documents.stream().flatMap(document -> document.notes().stream()).toList();
    }

    /**
     * Every fact a rule session holds besides the claims: seed facts (with their official verdicts), the
     * scopes built from them, official rows, the curated classes and the two code sets.
     */
    public List<Object> engineFacts() {
        List<Object> facts = new ArrayList<>(seedFacts());
        facts.addAll(reconciled.diagnosisScopes());
        facts.addAll(reconciled.specialtyScopes());
        facts.addAll(policy.modifierClasses());
        facts.addAll(policy.procedureClasses());
        facts.addAll(policy.procedureIndications());
        facts.addAll(official.rows());
        facts.add(diagnosisCodes);
        facts.add(ncci);
        facts.add(taxonomyCodes);
        facts.add(policy.diagnosisAges());
        facts.add(new org.claimscrubber.domain.DocumentedCodes(documents.stream().map(SeedDocument::procedureCode).toList()));
        return facts;
    }
}
