package org.claimscrubber.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.claimscrubber.Shipped;
import org.claimscrubber.facts.SeedDocument;
import org.claimscrubber.facts.SeedParser;

/**
 * The seed parser never crashes on truncated or garbled seed text, and every table-like line of
 * what it was given is either read into a fact or reported in a note: nothing is skipped silently.
 */
class SeedParserProperties {

    private static final List<String> SEEDS =
            List.of(
                    "000_404b5ce62a18733e.txt",
                    "001_878d69fdffca6f24.txt",
                    "002_786b855abe4afa89.txt",
                    "003_2be55d552ac92e94.txt",
                    "004_e8b2e86ee0df9b69.txt");

    private final SeedParser parser = new SeedParser(Shipped.facts().interpretations());

    private static String seed(int index) {
        try {
            return Files.readString(
                    Shipped.SEEDS.resolve(SEEDS.get(index)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Property(tries = 1000)
    void truncatedSeedsParseAndAccountForEveryTableRow(
            @ForAll @IntRange(min = 0, max = 4) int index,
            @ForAll @IntRange(min = 0, max = 10_000) int cut) {
        String text = seed(index);
        String truncated = text.substring(0, Math.min(cut, text.length()));
        assertEveryTableRowAccountedFor(truncated, parser.parse("seed.txt", truncated));
    }

    @Property(tries = 1000)
    void garbledSeedsParseAndAccountForEveryTableRow(
            @ForAll @IntRange(min = 0, max = 4) int index, @ForAll("garbling") List<int[]> edits) {
        StringBuilder text = new StringBuilder(seed(index));
        String noise = "|\n-:()\u0000\uFFFD#*0352T ";
        for (int[] edit : edits) {
            if (text.length() == 0) {
                break;
            }
            int at = Math.floorMod(edit[0], text.length());
            text.setCharAt(at, noise.charAt(Math.floorMod(edit[1], noise.length())));
        }
        assertEveryTableRowAccountedFor(text.toString(), parser.parse("seed.txt", text.toString()));
    }

    /**
     * Every line holding a '|' that is not a header or separator is a fact's line or a note's line.
     */
    private static void assertEveryTableRowAccountedFor(String text, SeedDocument document) {
        Set<Integer> accounted = new HashSet<>();
        document.facts().forEach(fact -> accounted.add(fact.provenance().line()));
        document.notes().forEach(note -> accounted.add(note.line()));
        String[] lines = text.split("\\R", -1);
        if (document.procedureCode() == null) {
            assertThat(document.notes()).isNotEmpty();
            return;
        }
        for (int i = 0; i < lines.length; i++) {
            boolean tableLine = lines[i].contains("|");
            boolean separator = lines[i].contains("---");
            boolean header =
                    i + 1 < lines.length
                            && lines[i + 1].contains("|")
                            && lines[i + 1].contains("---");
            if (tableLine && !separator && !header) {
                assertThat(accounted).as("line %d: %s", i + 1, lines[i]).contains(i + 1);
            }
        }
    }

    @Provide
    Arbitrary<List<int[]>> garbling() {
        return Arbitraries.integers()
                .list()
                .ofSize(2)
                .map(pair -> new int[] {pair.get(0), pair.get(1)})
                .list()
                .ofMinSize(1)
                .ofMaxSize(40);
    }
}
