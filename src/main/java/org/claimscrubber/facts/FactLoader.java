package org.claimscrubber.facts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.claimscrubber.domain.CodeEntry;
import org.claimscrubber.domain.DiagnosisCodes;
import org.claimscrubber.domain.FeeSchedule;
import org.claimscrubber.domain.IcdCodeList;
import org.claimscrubber.domain.NcciEdits;
import org.claimscrubber.domain.OfficialCode;
import org.claimscrubber.domain.OfficialKind;
import org.claimscrubber.domain.TaxonomyCodes;
import org.claimscrubber.files.BundledFiles;
import org.claimscrubber.files.ContentHash;

/**
 * Loads a seeds folder: every {@code *.txt} document in it (in name order) and its
 * interpretations.csv, or the bundled interpretations when the folder has none.
 */
public final class FactLoader {

    private FactLoader() {}

    public static FactBase load(BundledFiles.Located seeds) throws FactsException {
        return load(seeds, null);
    }

    /**
     * @param referenceDir full official code sets to load (--reference), or null for the curated
     *     table only
     */
    public static FactBase load(BundledFiles.Located seeds, Path referenceDir)
            throws FactsException {
        Path dir = seeds.path();
        if (!Files.isDirectory(dir)) {
            throw new FactsException(
                    "seeds directory " + seeds.label() + " does not exist or is not a directory");
        }
        List<Path> documents = documentsIn(dir, seeds.label());
        Path interpretationsFile = dir.resolve(Interpretations.FILE_NAME);
        String interpretationsLabel = seeds.display(Interpretations.FILE_NAME);
        if (!Files.isRegularFile(interpretationsFile)) {
            interpretationsFile =
                    BundledFiles.directory("seeds").resolve(Interpretations.FILE_NAME);
            interpretationsLabel = "bundled " + Interpretations.FILE_NAME;
        }
        Path officialFile = dir.resolve(OfficialFacts.FILE_NAME);
        String officialLabel = seeds.display(OfficialFacts.FILE_NAME);
        if (!Files.isRegularFile(officialFile)) {
            officialFile = BundledFiles.directory("seeds").resolve(OfficialFacts.FILE_NAME);
            officialLabel = "bundled " + OfficialFacts.FILE_NAME;
        }
        MessageDigest hash = ContentHash.sha256();
        String interpretationsText = read(interpretationsFile, hash);
        OfficialFacts official =
                OfficialFacts.parse(OfficialFacts.FILE_NAME, read(officialFile, hash));
        FactBase.CodePolicy policy =
                new FactBase.CodePolicy(
                        CodePolicyTables.modifierClasses(
                                read(curated(dir, CodePolicyTables.MODIFIER_CLASSES), hash)),
                        CodePolicyTables.procedureClasses(
                                read(curated(dir, CodePolicyTables.PROCEDURE_CLASSES), hash)),
                        CodePolicyTables.diagnosisAges(
                                read(curated(dir, CodePolicyTables.DIAGNOSIS_AGES), hash)),
                        CodePolicyTables.procedureIndications(
                                read(curated(dir, CodePolicyTables.PROCEDURE_INDICATIONS), hash)),
                        CodePolicyTables.frequencyLimits(
                                read(curated(dir, CodePolicyTables.FREQUENCY_LIMITS), hash)));
        ReferenceFiles reference =
                referenceDir == null ? ReferenceFiles.none() : ReferenceFiles.load(referenceDir);
        Interpretations interpretations =
                Interpretations.parse(Interpretations.FILE_NAME, interpretationsText);
        SeedParser parser = new SeedParser(interpretations);
        List<SeedDocument> parsed = new ArrayList<>();
        for (Path document : documents) {
            String name = document.getFileName().toString();
            parsed.add(parser.parse(name, read(document, hash)));
        }
        for (SeedDocument document : parsed) {
            if (document.procedureCode() == null) {
                // A document replaced by garbage would otherwise still count, and its procedure's
                // checks vanish.
                throw new FactsException(
                        seeds.display(document.file())
                                + " names no procedure code (no 'CPT <code>:'"
                                + " title and no code in its text), so it cannot be read as a seed document; fix or remove it");
            }
        }
        DiagnosisCodes diagnosisCodes = diagnosisCodes(official, reference);
        TaxonomyCodes taxonomyCodes = taxonomyCodes(official, reference);
        Reconciler.Result reconciled =
                new Reconciler(
                                CodePolicyTables.byModifier(policy.modifierClasses()),
                                official,
                                diagnosisCodes,
                                taxonomyCodes,
                                interpretations)
                        .reconcile(parsed);
        NcciEdits ncci =
                ncciEdits(
                        NcciFiles.curated(read(curated(dir, NcciFiles.CURATED), hash)), reference);
        PprrvuFile.Loaded pprrvu = reference.feeSchedule();
        FeeSchedule fees =
                new FeeSchedule(
                        pprrvu == null ? Map.of() : pprrvu.byCode(),
                        policy.procedureClasses(),
                        pprrvu == null ? "" : pprrvu.release());
        return new FactBase(
                seeds.label(),
                reconciled.documents(),
                interpretations,
                interpretationsLabel,
                official,
                officialLabel,
                reference,
                diagnosisCodes,
                taxonomyCodes,
                policy,
                reconciled,
                ncci,
                fees,
                ContentHash.hex(hash.digest()));
    }

    /**
     * The curated NCCI rows, with each kind the --reference folder has in the CMS layout taking
     * their place (a full quarterly PTP file replaces the curated PTP rows; AOC stays curated until
     * its loader comes).
     */
    private static NcciEdits ncciEdits(NcciEdits curated, ReferenceFiles reference) {
        NcciFiles.Loaded loaded = reference.ncci();
        if (loaded.files().isEmpty()) {
            return curated;
        }
        return curated.replacedBy(
                loaded.ptp(),
                loaded.mue(),
                loaded.aoc(),
                "CMS NCCI files " + String.join(", ", loaded.files()));
    }

    /** A curated table from the seeds folder, or the bundled one when the folder has none. */
    private static Path curated(Path dir, String name) {
        Path file = dir.resolve(name);
        return Files.isRegularFile(file) ? file : BundledFiles.directory("seeds").resolve(name);
    }

    /**
     * The billable lists by fiscal year (bundled FY2025 and FY2026, and those --reference gives)
     * with the labels of headers from the curated rows and any order file.
     */
    private static DiagnosisCodes diagnosisCodes(OfficialFacts official, ReferenceFiles reference) {
        Map<String, CodeEntry> headers = new HashMap<>();
        for (OfficialCode row : official.ofKind(OfficialKind.ICD10CM)) {
            if (!row.billable()) {
                headers.put(
                        row.code(), new CodeEntry(row.code(), row.label(), false, row.citation()));
            }
        }
        reference.diagnoses().values().stream()
                .filter(entry -> !entry.billable())
                .forEach(entry -> headers.put(entry.code(), entry));
        // A list given for a year replaces that year's bundled one. A list given with no year in
        // its name is what the
        // user chose for every other date, so the bundled lists step aside for it.
        List<IcdCodeList> given = reference.diagnosisLists();
        List<IcdCodeList> lists = new ArrayList<>();
        if (given.stream().noneMatch(list -> list.fiscalYear() == IcdCodeList.ANY_YEAR)) {
            lists.addAll(IcdCodeList.bundled());
        }
        lists.addAll(given);
        return new DiagnosisCodes(lists, headers);
    }

    /**
     * The curated taxonomy rows (those recorded as not NUCC codes kept apart), overlaid by the full
     * list.
     */
    private static TaxonomyCodes taxonomyCodes(OfficialFacts official, ReferenceFiles reference) {
        Map<String, CodeEntry> codes = new HashMap<>();
        Set<String> notCodes = new HashSet<>();
        for (OfficialCode row : official.ofKind(OfficialKind.TAXONOMY)) {
            if (row.notACode()) {
                notCodes.add(row.code());
            } else {
                codes.put(row.code(), new CodeEntry(row.code(), row.label(), true, row.citation()));
            }
        }
        if (reference.hasTaxonomies()) {
            codes = new HashMap<>(reference.taxonomies());
        }
        return new TaxonomyCodes(codes, notCodes, reference.hasTaxonomies());
    }

    private static List<Path> documentsIn(Path dir, String label) throws FactsException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> documents =
                    files.filter(file -> file.getFileName().toString().endsWith(".txt"))
                            .filter(Files::isRegularFile)
                            .sorted()
                            .toList();
            if (documents.isEmpty()) {
                throw new FactsException(
                        "seeds directory " + label + " holds no seed documents (*.txt)");
            }
            return documents;
        } catch (IOException e) {
            throw new FactsException(
                    "seeds directory " + label + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a text file as UTF-8 (without a byte-order mark), adding its name and bytes to the
     * hash.
     */
    private static String read(Path file, MessageDigest hash) throws FactsException {
        try {
            byte[] bytes = Files.readAllBytes(file);
            hash.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            hash.update((byte) 0);
            hash.update(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new FactsException(file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
