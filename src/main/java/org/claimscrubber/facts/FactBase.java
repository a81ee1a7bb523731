package org.claimscrubber.facts;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimscrubber.domain.DataCoverage;
import org.claimscrubber.domain.DiagnosisAges;
import org.claimscrubber.domain.DiagnosisCodes;
import org.claimscrubber.domain.DocumentedCodes;
import org.claimscrubber.domain.EditFamily;
import org.claimscrubber.domain.FeeSchedule;
import org.claimscrubber.domain.FrequencyLimit;
import org.claimscrubber.domain.ModifierClass;
import org.claimscrubber.domain.NcciEdits;
import org.claimscrubber.domain.OfficialKind;
import org.claimscrubber.domain.ProcedureClass;
import org.claimscrubber.domain.ProcedureIndication;
import org.claimscrubber.domain.SeedFact;
import org.claimscrubber.domain.TaxonomyCodes;

/**
 * Everything the rules are joined with: the parsed seed documents and the interpretations used to
 * read them, the curated official facts, the full code sets when --reference loads them, with where
 * they came from and a hash that changes when any of the seeds' files does.
 */
public record FactBase(
        String seedsLabel,
        List<SeedDocument> documents,
        Interpretations interpretations,
        String interpretationsLabel,
        OfficialFacts official,
        String officialLabel,
        ReferenceFiles reference,
        DiagnosisCodes diagnosisCodes,
        TaxonomyCodes taxonomyCodes,
        CodePolicy policy,
        Reconciler.Result reconciled,
        NcciEdits ncci,
        FeeSchedule fees,
        String hash) {

    public FactBase {
        documents = List.copyOf(documents);
    }

    /**
     * The curated modifier classes, procedure classes and diagnosis ages (modifier-classes.csv,
     * ...).
     */
    public record CodePolicy(
            List<ModifierClass> modifierClasses,
            List<ProcedureClass> procedureClasses,
            DiagnosisAges diagnosisAges,
            List<ProcedureIndication> procedureIndications,
            List<FrequencyLimit> frequencyLimits) {
        public CodePolicy {
            modifierClasses = List.copyOf(modifierClasses);
            procedureClasses = List.copyOf(procedureClasses);
            procedureIndications = List.copyOf(procedureIndications);
            frequencyLimits = List.copyOf(frequencyLimits);
        }
    }

    /**
     * What each edit family's data covers and came from: the curated rows, or the files --reference
     * gave with their release, so the run can say how many lines each family could not check.
     */
    public DataCoverage coverage() {
        Map<EditFamily, String> sources = new EnumMap<>(EditFamily.class);
        String ncciData = ncci.release();
        sources.put(EditFamily.NCCI_PTP, ncciData);
        sources.put(EditFamily.NCCI_MUE, ncciData);
        sources.put(EditFamily.NCCI_AOC, ncciData);
        sources.put(EditFamily.ICD_VALIDITY, "ICD-10-CM " + diagnosisCodes.yearsLoaded());
        Set<String> withStatus = new HashSet<>();
        official.ofKind(OfficialKind.PROCEDURE).forEach(row -> withStatus.add(row.code()));
        String curatedStatus =
                "curated rows of " + officialLabel + " (" + withStatus.size() + " codes)";
        String curatedIndicators = "curated rows of " + CodePolicyTables.PROCEDURE_CLASSES;
        List<String> statusFiles = new ArrayList<>();
        if (!fees.release().isEmpty()) {
            statusFiles.add(fees.release());
        }
        if (!reference.hcpcs().release().isEmpty()) {
            statusFiles.add(reference.hcpcs().release());
        }
        sources.put(
                EditFamily.CODE_STATUS,
                statusFiles.isEmpty()
                        ? curatedStatus
                        : String.join("; ", statusFiles) + "; otherwise the " + curatedStatus);
        String indicators =
                fees.release().isEmpty()
                        ? curatedIndicators
                        : fees.release() + "; otherwise the " + curatedIndicators;
        sources.put(EditFamily.PC_TC, indicators);
        sources.put(EditFamily.BILATERAL, indicators);
        sources.put(
                EditFamily.TAXONOMY,
                taxonomyCodes.isComplete()
                        ? "the full NUCC list given with --reference"
                        : "curated rows of "
                                + officialLabel
                                + " (give the NUCC taxonomy CSV with --reference to know every code)");
        return new DataCoverage(
                ncci, diagnosisCodes, taxonomyCodes, withStatus, fees, reference.hcpcs(), sources);
    }

    public List<SeedFact> seedFacts() {
        return documents.stream().flatMap(document -> document.facts().stream()).toList();
    }

    public List<ParseNote> notes() {
        return documents.stream().flatMap(document -> document.notes().stream()).toList();
    }

    /**
     * Every fact a rule session holds besides the claims: seed facts (with their official
     * verdicts), the scopes built from them, official rows, the curated classes and the two code
     * sets.
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
        facts.add(fees);
        facts.add(reference.hcpcs());
        facts.add(taxonomyCodes);
        facts.add(policy.diagnosisAges());
        facts.add(
                new DocumentedCodes(documents.stream().map(SeedDocument::procedureCode).toList()));
        return facts;
    }
}
