package org.claimscrubber.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.LocalDate;
import org.claimscrubber.domain.AddOnCode;
import org.claimscrubber.domain.DiagnosisEntry;
import org.claimscrubber.domain.ModifierEntry;
import org.claimscrubber.domain.NotAvailable;
import org.claimscrubber.domain.OfficialCheck;
import org.claimscrubber.domain.OfficialCode;
import org.claimscrubber.domain.ProcedureDocument;
import org.claimscrubber.domain.RelatedProcedureEntry;
import org.claimscrubber.domain.SeedFact;
import org.claimscrubber.domain.ServiceType;
import org.claimscrubber.domain.TableInfo;
import org.claimscrubber.domain.TaxonomyEntry;
import org.claimscrubber.domain.TypicalPlacesOfService;
import org.claimscrubber.domain.TypicalSite;
import org.claimscrubber.domain.UnitLimit;

/**
 * The {@code facts} listing: exactly what the rules see, as text for reviewers or JSON for tools.
 */
public final class FactListing {

    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .registerModule(
                            new SimpleModule()
                                    .addSerializer(LocalDate.class, ToStringSerializer.instance));

    private FactListing() {}

    public static String text(FactBase facts) {
        StringBuilder out = new StringBuilder();
        out.append("seeds: ")
                .append(facts.seedsLabel())
                .append(" (")
                .append(facts.documents().size())
                .append(" documents, sha256 ")
                .append(facts.hash())
                .append(")\n");
        out.append("interpretations: ")
                .append(facts.interpretationsLabel())
                .append(" (")
                .append(facts.interpretations().rows().size())
                .append(" rows)\n");
        out.append("official facts: ")
                .append(facts.officialLabel())
                .append(" (")
                .append(facts.official().rows().size())
                .append(" rows)");
        if (!facts.reference().loaded().isEmpty()) {
            out.append("; full code sets: ").append(String.join(", ", facts.reference().loaded()));
        }
        out.append('\n');
        out.append("ICD-10-CM: ").append(facts.diagnosisCodes()).append('\n');
        out.append("NCCI edits: ").append(facts.ncci()).append('\n');
        for (SeedDocument document : facts.documents()) {
            out.append('\n')
                    .append(document.file())
                    .append(": ")
                    .append(
                            document.procedureCode() == null
                                    ? "(no procedure code)"
                                    : document.procedureCode())
                    .append(", ")
                    .append(document.facts().size())
                    .append(" facts\n");
            for (SeedFact fact : document.facts()) {
                out.append(
                        String.format(
                                "  line %-4d %s%n", fact.provenance().line(), describe(fact)));
            }
            if (!document.notes().isEmpty()) {
                out.append("  parser notes:\n");
                for (ParseNote note : document.notes()) {
                    out.append("    ").append(note).append('\n');
                }
            }
        }
        out.append('\n').append(OfficialFacts.FILE_NAME).append(":\n");
        for (OfficialCode row : facts.official().rows()) {
            out.append(
                    String.format(
                            "  line %-4d %-9s %-10s %s%s  [%s]%n",
                            row.provenance().line(),
                            row.kind(),
                            row.code(),
                            row.label(),
                            dates(row),
                            row.source()));
        }
        return out.toString();
    }

    private static String dates(OfficialCode row) {
        StringBuilder text = new StringBuilder();
        if (!row.status().isEmpty()) {
            text.append("; ").append(row.status());
        }
        if (row.effective() != null) {
            text.append("; effective ").append(row.effective());
        }
        if (row.deletion() != null) {
            text.append("; deleted ").append(row.deletion());
        }
        if (!row.addOnPrimary().isEmpty()) {
            text.append("; add-on to ").append(row.addOnPrimary());
        }
        return text.toString();
    }

    /** One line per fact, e.g. {@code modifier 26: Professional component}. */
    public static String describe(SeedFact fact) {
        String text;
        if (fact instanceof ProcedureDocument document) {
            text = "procedure " + document.procedureCode() + ": " + document.title();
        } else if (fact instanceof ServiceType service) {
            text = "service type: " + service.text();
        } else if (fact instanceof TypicalSite site) {
            text = "typical site of service: " + site.text();
        } else if (fact instanceof TypicalPlacesOfService places) {
            text = "typical places of service: " + String.join(", ", places.placesOfService());
        } else if (fact instanceof TableInfo table) {
            text =
                    table.table().rowNoun()
                            + " table: "
                            + table.rows()
                            + " rows"
                            + (table.cutOff()
                                    ? ", cut off at line " + table.lastLine() + " (list incomplete)"
                                    : "");
        } else if (fact instanceof ModifierEntry modifier) {
            text =
                    "modifier "
                            + modifier.modifier()
                            + ": "
                            + modifier.description()
                            + cut(modifier.cutOff())
                            + verdict(modifier.check());
        } else if (fact instanceof TaxonomyEntry taxonomy) {
            text =
                    "taxonomy "
                            + taxonomy.taxonomy()
                            + ": "
                            + taxonomy.specialty()
                            + cut(taxonomy.cutOff())
                            + verdict(taxonomy.check());
        } else if (fact instanceof DiagnosisEntry diagnosis) {
            text =
                    "related diagnosis "
                            + diagnosis.diagnosis()
                            + ": "
                            + diagnosis.description()
                            + cut(diagnosis.cutOff())
                            + verdict(diagnosis.check());
        } else if (fact instanceof RelatedProcedureEntry related) {
            text =
                    "related CPT "
                            + related.relatedCode()
                            + " ("
                            + related.relationship()
                            + "): "
                            + related.description()
                            + cut(related.cutOff());
        } else if (fact instanceof AddOnCode addOn) {
            text = "add-on code; primary code " + addOn.primaryCode();
        } else if (fact instanceof UnitLimit limit) {
            text =
                    "reported "
                            + limit.basis()
                            + ": at most "
                            + limit.maxUnitsPerLine()
                            + " unit(s) per line, "
                            + limit.maxUnitsPerDay()
                            + " per claim and date of service";
        } else if (fact instanceof NotAvailable notAvailable) {
            text = "data not available (section " + notAvailable.section() + ")";
        } else {
            text = fact.toString();
        }
        String by = fact.provenance().interpretedBy();
        return by == null ? text : text + "  [read by " + by + "]";
    }

    /** The official verdict on a seed table row, e.g. " [CONTRADICTED: ...]" or " [CONFIRMED]". */
    private static String verdict(OfficialCheck check) {
        return switch (check.verdict()) {
            case CONFIRMED -> "  [CONFIRMED by " + check.source() + "]";
            case CONTRADICTED -> "  [CONTRADICTED: " + check.problem() + "]";
            case UNVERIFIED -> "  [UNVERIFIED: the official facts do not know this code]";
        };
    }

    private static String cut(boolean cutOff) {
        return cutOff ? " [row cut off]" : "";
    }

    public static String json(FactBase facts) {
        ObjectNode root = JSON.createObjectNode();
        root.put("seeds", facts.seedsLabel());
        root.put("sha256", facts.hash());
        root.put("interpretations_file", facts.interpretationsLabel());
        root.set("interpretations", JSON.valueToTree(facts.interpretations().rows()));
        root.put("official_facts_file", facts.officialLabel());
        root.set("official_facts", JSON.valueToTree(facts.official().rows()));
        root.set("reference_files", JSON.valueToTree(facts.reference().loaded()));
        ArrayNode documents = root.putArray("documents");
        for (SeedDocument document : facts.documents()) {
            ObjectNode node = documents.addObject();
            node.put("file", document.file());
            node.put("procedure_code", document.procedureCode());
            ArrayNode list = node.putArray("facts");
            for (SeedFact fact : document.facts()) {
                ObjectNode factNode = list.addObject();
                factNode.put("type", fact.getClass().getSimpleName());
                factNode.setAll((ObjectNode) JSON.valueToTree(fact));
                factNode.put("citation", fact.citation());
            }
            node.set("notes", JSON.valueToTree(document.notes()));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("facts cannot be written as JSON", e);
        }
    }
}
