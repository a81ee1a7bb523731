package org.claimscrubber.engine;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Catches what the DRL compiler lets through: a constraint comparing a field with a literal of
 * another type. {@code procedureCode == 753} compiles and never fires (753 is not the text
 * "0753T"); {@code units == "two"} compiles and fails at run time. Each is a FILE:LINE:COLUMN
 * diagnostic, so `rules check` and `run` stop.
 */
final class LiteralTypeCheck {

    private static final Pattern IMPORT =
            Pattern.compile("^import\\s+([\\w.]+)\\.(\\w+)\\s*;", Pattern.MULTILINE);
    private static final Pattern COMPARISON =
            Pattern.compile(
                    "(?<![\\w.$])(\\w+)\\s*(==|!=|<=|>=|<|>)\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+(?:\\.\\d+)?)(?![\\w.])");

    private LiteralTypeCheck() {}

    static List<RuleDiagnostic> check(RuleSet.RuleFile file) {
        Map<String, Class<?>> types = new HashMap<>();
        Matcher imports = IMPORT.matcher(file.content());
        while (imports.find()) {
            try {
                types.put(
                        imports.group(2), Class.forName(imports.group(1) + "." + imports.group(2)));
            } catch (ClassNotFoundException | LinkageError e) {
                // an unknown import is the compiler's to report
            }
        }
        List<RuleDiagnostic> problems = new ArrayList<>();
        String[] lines = file.content().split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]);
            for (Map.Entry<String, Class<?>> type : types.entrySet()) {
                int open = line.indexOf(type.getKey() + "(");
                if (open < 0) {
                    continue;
                }
                Matcher comparison =
                        COMPARISON.matcher(line.substring(open + type.getKey().length() + 1));
                while (comparison.find()) {
                    Class<?> field = fieldType(type.getValue(), comparison.group(1));
                    String literal = comparison.group(3);
                    boolean text = literal.startsWith("\"");
                    String problem = null;
                    if (field == String.class && !text) {
                        problem =
                                "'"
                                        + comparison.group().strip()
                                        + "' compares the text field "
                                        + comparison.group(1)
                                        + " with a number, which never matches: quote it ("
                                        + comparison.group(1)
                                        + " "
                                        + comparison.group(2)
                                        + " \""
                                        + literal
                                        + "\")";
                    } else if (field != null && isNumber(field) && text) {
                        problem =
                                "'"
                                        + comparison.group().strip()
                                        + "' compares the number field "
                                        + comparison.group(1)
                                        + " with text, which fails when the rule runs: write a number";
                    }
                    if (problem != null) {
                        int column = open + type.getKey().length() + 2 + comparison.start();
                        problems.add(new RuleDiagnostic(file.name(), i + 1, column, null, problem));
                    }
                }
            }
        }
        return problems;
    }

    private static String stripComment(String line) {
        int comment = line.indexOf("//");
        return comment < 0 ? line : line.substring(0, comment);
    }

    private static boolean isNumber(Class<?> type) {
        return type == int.class
                || type == long.class
                || type == double.class
                || type == Integer.class
                || type == Long.class
                || type == Double.class;
    }

    /** The type of a record component or getter named {@code name}, or null when there is none. */
    private static Class<?> fieldType(Class<?> type, String name) {
        for (String candidate :
                new String[] {
                    name, "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1)
                }) {
            try {
                Method method = type.getMethod(candidate);
                return method.getReturnType();
            } catch (NoSuchMethodException e) {
                // try the next spelling
            }
        }
        return null;
    }
}
