package org.claimscrubber.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The scrubber's version, as the build recorded it. */
public final class ToolVersion {

    public static final String NAME = "claim-scrubber";

    private ToolVersion() {}

    public static String version() {
        try (InputStream in = ToolVersion.class.getResourceAsStream("/claim-scrubber.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
