package org.claimscrubber.engine;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.claimscrubber.files.BundledFiles;
import org.claimscrubber.files.ContentHash;

/**
 * The DRL files and payer policy tables ({@code *.policies.csv}, compiled to DRL by {@link
 * PolicyTable}) of a rules folder and its sub-folders, read from disk at run time so an analyst's
 * edit takes effect on the next run without a rebuild.
 */
public record RuleSet(String label, List<RuleFile> files, String hash) implements Serializable {

    /**
     * One DRL file; {@code name} is how messages name it (the folder as given, then the path within
     * it).
     */
    public record RuleFile(String name, String content) implements Serializable {}

    public RuleSet {
        files = List.copyOf(files);
    }

    public static RuleSet load(BundledFiles.Located rules) throws RulesException {
        Path dir = rules.path();
        if (!Files.isDirectory(dir)) {
            throw new RulesException(
                    "rules directory " + rules.label() + " does not exist or is not a directory");
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths =
                    walk.filter(Files::isRegularFile)
                            .filter(
                                    file ->
                                            file.getFileName().toString().endsWith(".drl")
                                                    || file.getFileName()
                                                            .toString()
                                                            .endsWith(PolicyTable.SUFFIX))
                            .sorted(
                                    (a, b) ->
                                            ContentHash.relativeName(dir, a)
                                                    .compareTo(ContentHash.relativeName(dir, b)))
                            .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new RulesException(
                    "rules directory " + rules.label() + " cannot be read: " + e.getMessage());
        }
        if (paths.isEmpty()) {
            throw new RulesException(
                    "rules directory " + rules.label() + " holds no .drl files or policy tables");
        }
        List<RuleFile> files = new ArrayList<>();
        try {
            for (Path path : paths) {
                String name = rules.display(ContentHash.relativeName(dir, path));
                String content;
                try {
                    content = Files.readString(path, StandardCharsets.UTF_8);
                } catch (CharacterCodingException e) {
                    throw new RulesException(
                            name
                                    + ":1:1: not a DRL text file (it holds bytes that are not UTF-8);"
                                    + " save it as UTF-8 text");
                }
                if (content.indexOf('\u0000') >= 0) {
                    throw new RulesException(
                            name
                                    + ":1:1: not a DRL text file (it holds NUL bytes: a binary file?)");
                }
                // A policy table is compiled to DRL here; its problems name the table's row and
                // column.
                files.add(
                        new RuleFile(
                                name,
                                name.endsWith(PolicyTable.SUFFIX)
                                        ? PolicyTable.toDrl(name, content)
                                        : content));
            }
            return new RuleSet(rules.label(), files, ContentHash.ofFiles(dir, paths));
        } catch (IOException e) {
            throw new RulesException(
                    "rules directory "
                            + rules.label()
                            + ": a file cannot be read: "
                            + e.getMessage());
        }
    }

    /**
     * The DRL a payer policy table becomes (what {@code rules show} prints); its problems name row
     * and column.
     */
    public static String policyDrl(Path table) throws RulesException {
        if (!table.getFileName().toString().endsWith(PolicyTable.SUFFIX)) {
            throw new RulesException(
                    table + ": a payer policy table's name ends in " + PolicyTable.SUFFIX);
        }
        try {
            return PolicyTable.toDrl(
                    table.toString(), Files.readString(table, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RulesException(table + ": cannot be read: " + e.getMessage());
        }
    }
}
