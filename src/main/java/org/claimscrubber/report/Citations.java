package org.claimscrubber.report;

import java.util.Map;

/**
 * How a finding's source reads to a person: the seed documents' hashed file names replaced by their
 * codes and titles ("002_786b855abe4afa89.txt:3" becomes "0753T: Digital Slide ..., line 3"). The
 * HTML report shows it, and findings.csv carries it beside the file-and-line citation, so both say
 * the same thing.
 */
public final class Citations {

    /** No seed documents known: sources read as they were written. */
    public static final Citations NONE = new Citations(Map.of());

    private final Map<String, String> titles;

    /**
     * @param titles seed file name to the document's code and title ("0753T: Digital Slide ...")
     */
    public Citations(Map<String, String> titles) {
        this.titles = Map.copyOf(titles);
    }

    /**
     * The source with each seed file name followed by a line number replaced by the document's
     * title.
     */
    public String titled(String source) {
        if (source == null || source.isEmpty()) {
            return source;
        }
        String text = source;
        for (Map.Entry<String, String> document : titles.entrySet()) {
            if (text.contains(document.getKey())) {
                text = text.replace(document.getKey() + ":", document.getValue() + ", line ");
            }
        }
        return text;
    }
}
