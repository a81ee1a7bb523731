package org.claimscrubber.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the loaded reference data covers: for each edit family, what it ran on (the curated rows, or
 * the user's file with its release) and whether a line's codes are in it. A line whose codes are in
 * no loaded table was not checked by that family: the run counts it, so that "no finding" is never
 * read as "passed" where there was no data.
 */
public final class DataCoverage {

    private final NcciEdits ncci;
    private final DiagnosisCodes icd;
    private final TaxonomyCodes taxonomies;
    private final Set<String> codesWithStatus;
    private final FeeSchedule fees;
    private final CodeDates hcpcs;
    private final Map<EditFamily, String> sources;

    /**
     * @param codesWithStatus procedure codes with a loaded effective or deletion date
     * @param sources what each family ran on, as the run reports it
     */
    public DataCoverage(
            NcciEdits ncci,
            DiagnosisCodes icd,
            TaxonomyCodes taxonomies,
            Set<String> codesWithStatus,
            FeeSchedule fees,
            CodeDates hcpcs,
            Map<EditFamily, String> sources) {
        this.ncci = ncci;
        this.icd = icd;
        this.taxonomies = taxonomies;
        this.codesWithStatus = Set.copyOf(codesWithStatus);
        this.fees = fees;
        this.hcpcs = hcpcs;
        this.sources = new EnumMap<>(sources);
    }

    /** What the family ran on, e.g. "curated rows: cms-edits-2024q3.csv (...)". */
    public String source(EditFamily family) {
        return sources.getOrDefault(family, "");
    }

    /** This coverage with what {@code family} ran on said (the claim history a run opened). */
    public DataCoverage withSource(EditFamily family, String source) {
        Map<EditFamily, String> more = new EnumMap<>(EditFamily.class);
        more.putAll(sources);
        more.put(family, source);
        return new DataCoverage(ncci, icd, taxonomies, codesWithStatus, fees, hcpcs, more);
    }

    /** Adds the claim's lines that each family could not check. */
    public void count(List<ClaimLine> lines, NotChecked into) {
        for (ClaimLine line : lines) {
            String code = line.procedureCode();
            if (!ncci.hasPtpData(code)) {
                into.add(EditFamily.NCCI_PTP);
            }
            if (ncci.mue(code) == null) {
                into.add(EditFamily.NCCI_MUE);
            }
            if (!ncci.hasAddOnData(code)) {
                into.add(EditFamily.NCCI_AOC);
            }
            if (!line.diagnoses().isEmpty() && !icd.covers(line.dateOfService())) {
                into.add(EditFamily.ICD_VALIDITY);
            }
            if (!codesWithStatus.contains(code) && !fees.lists(code) && !hcpcs.lists(code)) {
                into.add(EditFamily.CODE_STATUS);
            }
            if (fees.pcTcIndicator(code).isEmpty()) {
                into.add(EditFamily.PC_TC);
            }
            if (fees.bilateralIndicator(code).isEmpty()) {
                into.add(EditFamily.BILATERAL);
            }
            if (!line.renderingTaxonomy().isEmpty()
                    && !taxonomies.knows(line.renderingTaxonomy())) {
                into.add(EditFamily.TAXONOMY);
            }
        }
    }
}
