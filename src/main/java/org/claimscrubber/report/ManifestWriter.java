package org.claimscrubber.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;

/** Writes run.json with snake_case names. */
public final class ManifestWriter {

    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .enable(SerializationFeature.INDENT_OUTPUT);

    private ManifestWriter() {}

    public static void write(RunManifest manifest, Writer out) throws IOException {
        JSON.writeValue(out, manifest);
    }
}
