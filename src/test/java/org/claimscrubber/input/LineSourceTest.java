package org.claimscrubber.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.claimscrubber.input.LineSource;
import org.junit.jupiter.api.Test;

/** Physical lines: numbered from 1, CR LF and LF alike, an over-long line skipped to its end. */
class LineSourceTest {

    private static List<LineSource.Line> lines(String text) throws Exception {
        List<LineSource.Line> lines = new ArrayList<>();
        try (LineSource source = new LineSource(new StringReader(text))) {
            LineSource.Line line;
            while ((line = source.next()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void emptyTextHasNoLines() throws Exception {
        assertThat(lines("")).isEmpty();
    }

    @Test
    void crLfAndLfEndLinesAndALastLineWithoutEndCounts() throws Exception {
        assertThat(lines("a\r\nb\nc")).extracting(LineSource.Line::number, LineSource.Line::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "a"), org.assertj.core.groups.Tuple.tuple(2L, "b"),
                        org.assertj.core.groups.Tuple.tuple(3L, "c"));
    }

    @Test
    void blankLinesAreLinesToo() throws Exception {
        assertThat(lines("a\n\n\nb\n")).extracting(LineSource.Line::text).containsExactly("a", "", "", "b");
    }

    @Test
    void aLineLongerThanTheLimitIsSkippedAndTheNextOneRead() throws Exception {
        String longLine = "x".repeat(LineSource.MAX_LINE_CHARS + 10);
        List<LineSource.Line> lines = lines("a\n" + longLine + "\nb\n");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).tooLong()).isTrue();
        assertThat(lines.get(2).text()).isEqualTo("b");
        assertThat(lines.get(2).number()).isEqualTo(3);
    }

    @Test
    void aLineOfExactlyTheLimitIsRead() throws Exception {
        String atLimit = "y".repeat(LineSource.MAX_LINE_CHARS);
        List<LineSource.Line> lines = lines(atLimit + "\n");
        assertThat(lines).singleElement().satisfies(line -> assertThat(line.text()).hasSize(LineSource.MAX_LINE_CHARS));
    }
}
