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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the docs show an analyst compiles, and the lists they give match the code. */
class DocsTest {

    private static final Pattern DRL_BLOCK = Pattern.compile("```drl\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    /** Every ```drl block of the README and docs/, alone in a rules folder, passes `rules check`. */
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
                int exit = Main.execute(new PrintWriter(out), new PrintWriter(err), "rules", "check", "--rules",
                        rules.toString(), "--no-rules-cache");
                assertThat(exit).as(page + " snippet " + snippets + ":\n" + block.group(1) + "\n" + err).isZero();
            }
        }
        assertThat(snippets).as("drl blocks in the docs").isGreaterThanOrEqualTo(2);
    }

    /** docs/rules.md lists every category a rule may have, and no other. */
    @Test
    void theCategoryListOfTheRulesGuideIsTheCodes() throws Exception {
        String guide = Files.readString(Path.of("docs/rules.md"), StandardCharsets.UTF_8);
        Matcher list = Pattern.compile("\\*\\*Categories\\*\\*: ([A-Z_, \\n]+)\\(").matcher(guide);
        assertThat(list.find()).as("the **Categories** line of docs/rules.md").isTrue();
        List<String> listed = Arrays.stream(list.group(1).split("[,\\s]+")).filter(s -> !s.isBlank()).sorted().toList();
        assertThat(listed).isEqualTo(Arrays.stream(Category.values()).map(Category::name).sorted().toList());
    }
}
