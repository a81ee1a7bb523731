package org.claimscrubber;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.claimscrubber.config.RunConfig;
import org.claimscrubber.engine.RuleCatalogue;
import org.junit.jupiter.api.Test;

/** The README's rule table is what `rules list --format markdown` prints for the shipped rules. */
class ReadmeTest {

    @Test
    void theRuleTableIsUpToDate() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String start = "<!-- rules:start -->\n";
        String end = "<!-- rules:end -->";
        String table =
                readme.substring(readme.indexOf(start) + start.length(), readme.indexOf(end));
        String expected =
                RuleCatalogue.markdown(
                        RuleCatalogue.of(Shipped.rules(), Shipped.facts(), RunConfig.NONE),
                        Shipped.facts());
        assertThat(table)
                .as("README rule table; regenerate it with: rules list --format markdown")
                .isEqualTo(expected);
    }
}
