package org.claimscrubber.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The report's header says what ran as a person reads it (issue 23). */
class HtmlHeaderTest {

    @Test
    void anInstantIsShownInLocalTimeWithItsZone() {
        assertThat(
                        HtmlReport.local(
                                "2026-12-04T11:10:00.212427333Z", ZoneId.of("America/New_York")))
                .isEqualTo("4 Dec 2026 06:10 EST");
        assertThat(HtmlReport.local("not an instant")).isEqualTo("not an instant");
    }
}
