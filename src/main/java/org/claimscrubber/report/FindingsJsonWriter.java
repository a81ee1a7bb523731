package org.claimscrubber.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import org.claimscrubber.domain.Finding;

/**
 * Writes findings.json as it goes ({@code {"findings": [...], "totals": {...}}}), so millions of
 * findings never sit in memory.
 */
public final class FindingsJsonWriter implements Closeable {

    private final JsonGenerator json;

    public FindingsJsonWriter(Writer out) throws IOException {
        this.json = new JsonFactory().createGenerator(out);
        json.writeStartObject();
        json.writeArrayFieldStart("findings");
    }

    public void write(Finding finding) throws IOException {
        json.writeStartObject();
        json.writeStringField("claim_id", finding.claimId());
        if (finding.lineNumber() == null) {
            json.writeNullField("line_number");
        } else {
            json.writeNumberField("line_number", finding.lineNumber());
        }
        json.writeStringField("severity", finding.severity().name());
        json.writeStringField("category", finding.category().name());
        json.writeStringField("rule_id", finding.ruleId());
        json.writeStringField("procedure_code", finding.procedureCode());
        json.writeStringField("message", finding.message());
        json.writeStringField("source", finding.source());
        json.writeStringField("input_file", finding.inputFile());
        if (finding.inputLine() == 0) {
            json.writeNullField("input_line");
        } else {
            json.writeNumberField("input_line", finding.inputLine());
        }
        if (finding.isSuppressed()) {
            json.writeStringField("suppressed", finding.suppressed());
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    /** Ends the findings array and writes the totals. */
    public void finish(Totals totals) throws IOException {
        json.writeEndArray();
        json.writeObjectFieldStart("totals");
        json.writeNumberField("findings", totals.total());
        writeCounts("by_severity", totals.bySeverity());
        writeCounts("by_category", totals.byCategory());
        json.writeEndObject();
        json.writeEndObject();
        json.writeRaw('\n');
        json.flush();
    }

    private void writeCounts(String name, Map<? extends Enum<?>, Long> counts) throws IOException {
        json.writeObjectFieldStart(name);
        for (Map.Entry<? extends Enum<?>, Long> count : counts.entrySet()) {
            json.writeNumberField(count.getKey().name(), count.getValue());
        }
        json.writeEndObject();
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
