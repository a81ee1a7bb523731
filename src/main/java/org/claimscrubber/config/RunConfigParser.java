package org.claimscrubber.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.claimscrubber.domain.Category;
import org.claimscrubber.domain.Severity;
import org.claimscrubber.domain.Suppression;
import org.claimscrubber.input.Column;

/**
 * Reads a {@code --config} file into a {@link RunConfig}: the parser apart from the value, so that
 * a test, the Spark workers and {@code rules check} read the same sentences for the same mistakes.
 * Every error names the file and line ({@code path:line: problem}).
 */
public final class RunConfigParser {

    private RunConfigParser() {}

    public static RunConfig parse(Path file) throws ConfigException {
        List<String> text = readLines(file);
        Map<String, Integer> keysSeen = new LinkedHashMap<>();
        Set<String> rules = new LinkedHashSet<>();
        Set<Category> categories = new LinkedHashSet<>();
        Map<String, Set<String>> aliases = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        Severity holdOn = null;
        Map<Column, List<String>> columnNames = new LinkedHashMap<>();
        List<RunConfig.SeverityOverride> severities = new ArrayList<>();
        List<Suppression> suppressions = List.of();
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i).strip();
            String where = file + ":" + (i + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new ConfigException(where + "expected 'key = value'");
            }
            String key = line.substring(0, equals).strip();
            Integer earlier = keysSeen.putIfAbsent(key.toLowerCase(Locale.ROOT), i + 1);
            if (earlier != null) {
                throw new ConfigException(
                        where
                                + "'"
                                + key
                                + "' is given twice (lines "
                                + earlier
                                + " and "
                                + (i + 1)
                                + "); write it once, with every value on one line separated by commas");
            }
            List<String> values =
                    Arrays.stream(line.substring(equals + 1).split(","))
                            .map(String::strip)
                            .filter(v -> !v.isEmpty())
                            .toList();
            if (key.equals("disable.rules")) {
                for (String id : values) {
                    if (id.equalsIgnoreCase(RunConfig.UNREAD_ROW_RULE)) {
                        throw new ConfigException(
                                where
                                        + RunConfig.UNREAD_ROW_RULE
                                        + " cannot be switched off: a row it reports"
                                        + " was not read, so it was not scrubbed, and is held whatever the config says");
                    }
                    rules.add(id);
                    lines.put("rule:" + id, i + 1);
                }
            } else if (key.equals("disable.categories")) {
                for (String value : values) {
                    try {
                        Category category = Category.valueOf(value.toUpperCase(Locale.ROOT));
                        if (category == Category.INPUT) {
                            throw new ConfigException(
                                    where
                                            + "the INPUT category cannot be switched off: "
                                            + RunConfig.UNREAD_ROW_RULE
                                            + " reports rows that were not read, so not scrubbed, and they are"
                                            + " held whatever the config says (INPUT-002 and INPUT-003 can be switched off by id"
                                            + " in disable.rules)");
                        }
                        categories.add(category);
                        lines.put("category:" + category, i + 1);
                    } catch (IllegalArgumentException e) {
                        throw new ConfigException(
                                where
                                        + "'"
                                        + value
                                        + "' is not a category; categories are "
                                        + Arrays.toString(Category.values()));
                    }
                }
            } else if (key.startsWith("payer.") && key.length() > "payer.".length()) {
                Set<String> names =
                        aliases.computeIfAbsent(
                                key.substring(6).toLowerCase(Locale.ROOT),
                                k -> new LinkedHashSet<>());
                values.forEach(value -> names.add(value.toLowerCase(Locale.ROOT)));
            } else if (key.startsWith("column.")) {
                Column column;
                try {
                    column = Column.valueOf(key.substring(7).strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(
                            where
                                    + "'"
                                    + key.substring(7)
                                    + "' is not a column; columns are "
                                    + Arrays.toString(Column.values()).toLowerCase(Locale.ROOT));
                }
                columnNames.computeIfAbsent(column, k -> new ArrayList<>()).addAll(values);
            } else if (key.startsWith("severity.") && key.length() > "severity.".length()) {
                String target = key.substring("severity.".length()).strip();
                int dot = target.indexOf('.');
                String id = dot < 0 ? target : target.substring(0, dot).strip();
                String payer = dot < 0 ? null : target.substring(dot + 1).strip();
                Severity severity;
                try {
                    severity =
                            values.size() == 1
                                    ? Severity.valueOf(values.get(0).toUpperCase(Locale.ROOT))
                                    : null;
                } catch (IllegalArgumentException e) {
                    severity = null;
                }
                if (severity == null) {
                    throw new ConfigException(
                            where
                                    + key
                                    + " takes one of ERROR, WARNING, INFO, not '"
                                    + String.join(", ", values)
                                    + "'");
                }
                if (id.equalsIgnoreCase(RunConfig.UNREAD_ROW_RULE) && severity != Severity.ERROR) {
                    throw new ConfigException(
                            where
                                    + RunConfig.UNREAD_ROW_RULE
                                    + " stays an ERROR: a row it reports was not read,"
                                    + " so it was not scrubbed");
                }
                if (payer != null && payer.isEmpty()) {
                    throw new ConfigException(
                            where + "'" + key + "' names no payer after the rule id");
                }
                severities.add(new RunConfig.SeverityOverride(id, payer, severity, i + 1));
            } else if (key.equals("suppressions")) {
                if (values.size() != 1) {
                    throw new ConfigException(
                            where
                                    + "suppressions takes one file (a path beside the config, or absolute)");
                }
                Path parent = file.toAbsolutePath().getParent();
                suppressions =
                        Suppressions.load(
                                parent == null
                                        ? Path.of(values.get(0))
                                        : parent.resolve(values.get(0)));
            } else if (key.equals("hold.on")) {
                String value = values.isEmpty() ? "" : values.get(0).toLowerCase(Locale.ROOT);
                if (!value.equals("error") && !value.equals("warning")) {
                    throw new ConfigException(
                            where + "hold.on takes error or warning, not '" + value + "'");
                }
                holdOn = value.equals("error") ? Severity.ERROR : Severity.WARNING;
            } else {
                throw new ConfigException(
                        where
                                + "unknown key '"
                                + key
                                + "' (known: disable.rules, disable.categories, payer.<name>, hold.on, column.<name>,"
                                + " severity.<rule id>, severity.<rule id>.<payer>, suppressions)");
            }
        }
        return new RunConfig(
                file.toString(),
                rules,
                categories,
                aliases,
                lines,
                holdOn,
                columnNames,
                severities,
                suppressions);
    }

    /**
     * The file's lines, decoded as UTF-8; a byte that is not UTF-8 is named by its line, not by the
     * decoder's "Input length = 1".
     */
    private static List<String> readLines(Path file) throws ConfigException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(
                    "config file " + file + " cannot be read: " + e.getClass().getSimpleName());
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new ConfigException(
                    file
                            + ":"
                            + line
                            + ": the config file is not UTF-8 (byte 0x"
                            + String.format("%02X", bytes[at] & 0xFF)
                            + " on this line); save it as UTF-8");
        }
        out.flip();
        String text = out.toString();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.lines().toList();
    }
}
