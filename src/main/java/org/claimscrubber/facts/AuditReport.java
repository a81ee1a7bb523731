package org.claimscrubber.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Prints the audit: text, grouped, one line per item with its seed file and line; or JSON for
 * tools.
 */
public final class AuditReport {

    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .enable(SerializationFeature.INDENT_OUTPUT);

    private AuditReport() {}

    public static String text(FactBase facts, List<Audit.Item> items) {
        StringBuilder out = new StringBuilder();
        out.append("Audit of ")
                .append(facts.seedsLabel())
                .append(" (")
                .append(facts.documents().size())
                .append(" documents) against ")
                .append(facts.officialLabel());
        if (!facts.reference().loaded().isEmpty()) {
            out.append(" and ").append(String.join(", ", facts.reference().loaded()));
        }
        out.append(": ")
                .append(items.size())
                .append(items.size() == 1 ? " item" : " items")
                .append('\n');
        int number = 0;
        for (Audit.Group group : Audit.Group.values()) {
            List<Audit.Item> inGroup =
                    items.stream().filter(item -> item.group() == group).toList();
            out.append('\n')
                    .append(++number)
                    .append(". ")
                    .append(group.title())
                    .append(" (")
                    .append(inGroup.size())
                    .append(")\n");
            for (Audit.Item item : inGroup) {
                out.append("  ")
                        .append(item.location())
                        .append("  ")
                        .append(item.message())
                        .append('\n');
            }
        }
        return out.toString();
    }

    public static String json(FactBase facts, List<Audit.Item> items) {
        ObjectNode root = JSON.createObjectNode();
        root.put("seeds", facts.seedsLabel());
        root.put("official_facts", facts.officialLabel());
        root.set("reference_files", JSON.valueToTree(facts.reference().loaded()));
        root.put("total", items.size());
        ObjectNode groups = root.putObject("groups");
        for (Audit.Group group : Audit.Group.values()) {
            ArrayNode list = groups.putArray(group.name());
            items.stream()
                    .filter(item -> item.group() == group)
                    .forEach(
                            item -> {
                                ObjectNode node = list.addObject();
                                node.put("file", item.file());
                                node.put("line", item.line());
                                node.put("code", item.code());
                                node.put("message", item.message());
                            });
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the audit cannot be written as JSON", e);
        }
    }
}
