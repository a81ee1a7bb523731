package org.claimscrubber.engine;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Rewrites Drools' build messages into what an analyst needs to fix the DRL. */
final class Messages {

    private static final Pattern UNKNOWN_FIELD =
            Pattern.compile(
                    "Unable to Analyse Expression (.*?): unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
    private static final Pattern UNKNOWN_TYPE =
            Pattern.compile("Unable to resolve ObjectType '([^']+)'");

    private Messages() {}

    static String explain(String message) {
        if (message.contains("insert \";\" to complete")) {
            return message.replaceFirst(
                    "Syntax error, insert \";\" to complete \\w+",
                    "this statement needs a ';' at its end");
        }
        Matcher field = UNKNOWN_FIELD.matcher(message);
        if (field.find()) {
            return unknownField(field.group(2), field.group(3), field.group(1));
        }
        Matcher type = UNKNOWN_TYPE.matcher(message);
        if (type.find()) {
            return "unknown fact type '"
                    + type.group(1)
                    + "' (is it spelled right, and imported at the top of the file?)";
        }
        return message;
    }

    private static String unknownField(String className, String field, String expression) {
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        String known = "";
        try {
            Class<?> type = Class.forName(className, false, Messages.class.getClassLoader());
            if (type.isRecord()) {
                known =
                        " (its fields: "
                                + Arrays.stream(type.getRecordComponents())
                                        .map(c -> c.getName())
                                        .collect(Collectors.joining(", "))
                                + ")";
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // a type the analyst declared in DRL: no list of fields to offer
        }
        return "unknown field '"
                + field
                + "' on "
                + simpleName
                + known
                + " in '"
                + expression
                + "'";
    }
}
