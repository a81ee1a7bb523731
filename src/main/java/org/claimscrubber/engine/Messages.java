package org.claimscrubber.engine;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * The names a rule can use on a record fact: its components, except the groups a record nests
     * (ClaimLine's service, coding, provider, patient and origin), whose values it offers through
     * its own no-argument methods instead (ClaimLine's procedureCode, payer, ...).
     */
    static List<String> fieldsOf(Class<?> type) {
        List<String> fields = new ArrayList<>();
        Set<String> groups = new HashSet<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.getType().getDeclaringClass() == type) {
                groups.add(component.getName());
            } else {
                fields.add(component.getName());
            }
        }
        if (groups.isEmpty()) {
            return fields;
        }
        Arrays.stream(type.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()))
                .filter(method -> !Modifier.isStatic(method.getModifiers()))
                .filter(method -> method.getParameterCount() == 0)
                .map(Method::getName)
                .filter(name -> !groups.contains(name) && !fields.contains(name))
                .filter(name -> !List.of("toString", "hashCode").contains(name))
                .sorted()
                .forEach(fields::add);
        return fields;
    }

    private static String unknownField(String className, String field, String expression) {
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        String known = "";
        try {
            Class<?> type = Class.forName(className, false, Messages.class.getClassLoader());
            if (type.isRecord()) {
                known = " (its fields: " + String.join(", ", fieldsOf(type)) + ")";
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
