package org.claimscrubber.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Physical lines: numbered from 1, CR LF, LF and a lone CR alike, an over-long line skipped to its
 * end.
 */
class LineSourceTest {

    private static List<LineSource.Line> lines(String text) throws Exception {
        List<LineSource.Line> lines = new ArrayList<>();
        try (LineSource source =
                new LineSource(
                        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true)) {
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
        assertThat(lines("a\r\nb\nc"))
                .extracting(LineSource.Line::number, LineSource.Line::text)
                .containsExactly(Tuple.tuple(1L, "a"), Tuple.tuple(2L, "b"), Tuple.tuple(3L, "c"));
    }

    @Test
    void blankLinesAreLinesToo() throws Exception {
        assertThat(lines("a\n\n\nb\n"))
                .extracting(LineSource.Line::text)
                .containsExactly("a", "", "", "b");
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
        assertThat(lines)
                .singleElement()
                .satisfies(line -> assertThat(line.text()).hasSize(LineSource.MAX_LINE_CHARS));
    }

    /**
     * Issue 21: an old Mac export (CR only) read as one header line, 0 rows, exit 0 and patient
     * values echoed.
     */
    @Test
    void aLoneCarriageReturnEndsALineAsAnOldMacExportWritesThem() throws Exception {
        assertThat(lines("h\ra\rb\r"))
                .extracting(LineSource.Line::text)
                .containsExactly("h", "a", "b");
        assertThat(lines("h\r\na\rb\nc"))
                .extracting(LineSource.Line::number)
                .containsExactly(1L, 2L, 3L, 4L);
    }

    /** Rows are forwarded byte for byte: each line keeps its bytes and its own line end. */
    @Test
    void eachLineKeepsItsBytesWithItsOwnLineEnd() throws Exception {
        List<LineSource.Line> lines = lines("a\r\nb\nc\rd");
        assertThat(lines)
                .extracting(line -> new String(line.raw(), StandardCharsets.UTF_8))
                .containsExactly("a\r\n", "b\n", "c\r", "d");
    }

    @Test
    void aLatin1ByteIsKeptAsItWasAndReadAsTheReplacementCharacter() throws Exception {
        byte[] latin1 = {'J', 'o', 's', (byte) 0xE9, '\n'};
        try (LineSource source = new LineSource(new ByteArrayInputStream(latin1), true)) {
            LineSource.Line line = source.next();
            assertThat(line.text()).isEqualTo("Jos\uFFFD");
            assertThat(line.raw()).isEqualTo(latin1);
        }
    }

    /**
     * A CR at the very end of the read buffer: whether LF follows is only known after the next
     * read.
     */
    @Test
    void aCrLfSplitAcrossReadsIsOneLineEnd() throws Exception {
        String first = "x".repeat((1 << 16) - 1);
        List<LineSource.Line> lines = lines(first + "\r\nnext\n");
        assertThat(lines).extracting(LineSource.Line::text).containsExactly(first, "next");
        assertThat(lines.get(0).raw()).hasSize(first.length() + 2);
    }
}
