package org.claimscrubber;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimscrubber.cli.Main;
import org.claimscrubber.domain.Category;
import org.claimscrubber.spark.SparkScrubJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the docs show an analyst compiles, and the lists they give match the code. */
class DocsTest {

    private static final Pattern DRL_BLOCK = Pattern.compile("```drl\\n(.*?)```", Pattern.DOTALL);

    @TempDir Path dir;

    /**
     * Every ```drl block of the README and docs/, alone in a rules folder, passes `rules check`.
     */
    @Test
    void everyDrlSnippetInTheDocsPassesRulesCheck() throws Exception {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (var docs = Files.list(Path.of("docs"))) {
            pages.addAll(docs.filter(f -> f.toString().endsWith(".md")).sorted().toList());
        }
        int snippets = 0;
        for (Path page : pages) {
            Matcher block = DRL_BLOCK.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (block.find()) {
                Path rules = Files.createDirectories(dir.resolve("snippet-" + ++snippets));
                Files.writeString(rules.resolve("snippet.drl"), block.group(1));
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int exit =
                        Main.execute(
                                new PrintWriter(out),
                                new PrintWriter(err),
                                "rules",
                                "check",
                                "--rules",
                                rules.toString(),
                                "--no-rules-cache");
                assertThat(exit)
                        .as(page + " snippet " + snippets + ":\n" + block.group(1) + "\n" + err)
                        .isZero();
            }
        }
        assertThat(snippets).as("drl blocks in the docs").isGreaterThanOrEqualTo(2);
    }

    private static final Pattern FENCED = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern COMMAND = Pattern.compile("claim-scrubber\\.jar\\s+(.*)");

    /**
     * Every command a fenced block of the README or docs/ shows parses as that command line: a
     * renamed or removed option, or a subcommand that no longer exists, fails here. (The README's
     * tour is also run, through the jar, by ReadmeTourIT; the benchmarks and the Spark submit are
     * too slow or too heavy to run in every build.)
     */
    @Test
    void everyCommandInTheDocsParses() throws Exception {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (var docs = Files.list(Path.of("docs"))) {
            pages.addAll(docs.filter(f -> f.toString().endsWith(".md")).sorted().toList());
        }
        int commands = 0;
        for (Path page : pages) {
            Matcher block = FENCED.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (block.find()) {
                String text = block.group(1).replace("\\\n", " "); // continued lines joined
                for (String line : text.split("\n")) {
                    Matcher command = COMMAND.matcher(line);
                    if (!command.find()) {
                        continue;
                    }
                    List<String> args = arguments(command.group(1));
                    Object parser = new Main();
                    if (line.contains("SparkScrubJob")) {
                        parser = new SparkScrubJob();
                    }
                    commands++;
                    try {
                        new picocli.CommandLine(parser).parseArgs(args.toArray(String[]::new));
                    } catch (picocli.CommandLine.ParameterException e) {
                        throw new AssertionError(
                                page
                                        + ": "
                                        + line.strip()
                                        + "\n  does not parse: "
                                        + e.getMessage(),
                                e);
                    }
                }
            }
        }
        assertThat(commands).as("commands in the docs' fenced blocks").isGreaterThanOrEqualTo(15);
    }

    /**
     * A shown command's arguments, as the shell would pass them: comments, `|| ...` and $(...) cut
     * or filled in.
     */
    private static List<String> arguments(String shown) {
        String line =
                shown.replaceAll("\\$\\([^)]*\\)", "x")
                        .replaceAll("\\s#.*$", "")
                        .replaceAll("\\|\\|.*$", "")
                        .replaceAll("'\\s*$", "");
        List<String> args = new ArrayList<>();
        Matcher word = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)").matcher(line);
        while (word.find()) {
            args.add(
                    word.group(1) != null
                            ? word.group(1)
                            : word.group(2) != null ? word.group(2) : word.group(3));
        }
        return args;
    }

    /** docs/rules.md lists every category a rule may have, and no other. */
    @Test
    void theCategoryListOfTheRulesGuideIsTheCodes() throws Exception {
        String guide = Files.readString(Path.of("docs/rules.md"), StandardCharsets.UTF_8);
        Matcher list = Pattern.compile("\\*\\*Categories\\*\\*: ([A-Z_, \\n]+)\\(").matcher(guide);
        assertThat(list.find()).as("the **Categories** line of docs/rules.md").isTrue();
        List<String> listed =
                Arrays.stream(list.group(1).split("[,\\s]+"))
                        .filter(s -> !s.isBlank())
                        .sorted()
                        .toList();
        assertThat(listed)
                .isEqualTo(Arrays.stream(Category.values()).map(Category::name).sorted().toList());
    }
}
