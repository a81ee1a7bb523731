package org.claimscrubber.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * What a rule's conditions may reach, checked on their text. {@link RuleSandbox} checks the
 * bytecode Drools compiles consequences and functions into, but a pattern's constraints and its
 * {@code from} expression are MVEL, interpreted (or compiled in memory later) when facts arrive:
 * {@code ClaimLine(System.exit(0) == 0)} would stop the nightly run from inside a condition. So
 * each constraint, {@code from} source, accumulate expression and eval is read with the Drools
 * parser and refused, at its rule's line, when it names the system, files, threads, processes,
 * class loading or reflection, or a class by a package outside the ones a rule may use.
 */
final class ConditionSandbox {

    /** Names no condition needs and that reach outside a rule's facts. */
    private static final Set<String> DENIED_NAMES =
            Set.of(
                    "System",
                    "Runtime",
                    "ProcessBuilder",
                    "Process",
                    "Thread",
                    "ThreadGroup",
                    "Class",
                    "ClassLoader",
                    "Files",
                    "Paths",
                    "Path",
                    "File",
                    "FileInputStream",
                    "FileOutputStream",
                    "RandomAccessFile",
                    "Socket",
                    "ServerSocket",
                    "URL",
                    "URI",
                    "Method",
                    "Field",
                    "Constructor",
                    "Unsafe",
                    "ScriptEngineManager",
                    "MVEL",
                    "Executors",
                    "ForkJoinPool",
                    "getClass",
                    "forName",
                    "getRuntime",
                    "exec",
                    "exit",
                    "halt",
                    "loadClass",
                    "newInstance",
                    "getDeclaredMethod",
                    "getDeclaredMethods",
                    "getMethod",
                    "getMethods",
                    "getDeclaredField",
                    "getField",
                    "setAccessible",
                    "invoke",
                    "getClassLoader",
                    "getContextClassLoader",
                    "lookup",
                    "getenv",
                    "getProperty",
                    "setProperty",
                    "load",
                    "loadLibrary",
                    "gc");

    /** A qualified name by its package: only these may be written out in full in a condition. */
    private static final Pattern QUALIFIED =
            Pattern.compile("\\b((?:java|javax|jdk|sun|com|org|net)\\.[\\w.]+)");

    private static final List<String> ALLOWED_PACKAGES =
            List.of(
                    "org.claimscrubber.domain.",
                    "java.util.",
                    "java.time.",
                    "java.math.",
                    "java.text.");
    private static final Set<String> DENIED_UNDER_ALLOWED =
            Set.of(
                    "java.util.concurrent.",
                    "java.util.ServiceLoader",
                    "java.util.Timer",
                    "java.util.prefs.",
                    "java.util.logging.",
                    "java.util.jar.",
                    "java.util.zip.");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");
    private static final Pattern STRING_LITERAL =
            Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");

    private ConditionSandbox() {}

    /** A diagnostic for each condition of the file that reaches what a rule may not. */
    static List<RuleDiagnostic> check(RuleSet.RuleFile file, PackageDescr descr) {
        List<RuleDiagnostic> problems = new ArrayList<>();
        if (descr == null) {
            return problems;
        }
        for (RuleDescr rule : descr.getRules()) {
            List<Expression> expressions = new ArrayList<>();
            collect(rule.getLhs(), expressions);
            for (Expression expression : expressions) {
                String reached = reach(expression.text());
                if (reached != null) {
                    problems.add(
                            new RuleDiagnostic(
                                    file.name(),
                                    expression.line() > 0 ? expression.line() : rule.getLine(),
                                    1,
                                    rule.getName(),
                                    "a condition may not use "
                                            + reached
                                            + ": conditions may name the facts,"
                                            + " the globals, the domain classes, java.util, java.time, java.math and java.lang's value"
                                            + " types, not the system, files, threads, processes or reflection"));
                    break; // one finding per rule is enough to fix it
                }
            }
        }
        return problems;
    }

    private record Expression(String text, int line) {}

    private static void collect(BaseDescr descr, List<Expression> into) {
        if (descr == null) {
            return;
        }
        if (descr instanceof PatternDescr pattern) {
            for (BaseDescr constraint : pattern.getDescrs()) {
                into.add(
                        new Expression(
                                constraint.getText() == null
                                        ? String.valueOf(constraint)
                                        : constraint.getText(),
                                constraint.getLine() > 0
                                        ? constraint.getLine()
                                        : pattern.getLine()));
            }
            if (pattern.getSource() instanceof FromDescr from && from.getDataSource() != null) {
                into.add(
                        new Expression(
                                from.getDataSource().toString(),
                                from.getLine() > 0 ? from.getLine() : pattern.getLine()));
            } else if (pattern.getSource() instanceof AccumulateDescr accumulate) {
                collect(accumulate.getInput(), into);
                for (AccumulateDescr.AccumulateFunctionCallDescr function :
                        accumulate.getFunctions()) {
                    into.add(
                            new Expression(
                                    String.join(",", function.getParams()), accumulate.getLine()));
                }
                addCode(accumulate.getInitCode(), accumulate.getLine(), into);
                addCode(accumulate.getActionCode(), accumulate.getLine(), into);
                addCode(accumulate.getReverseCode(), accumulate.getLine(), into);
                addCode(accumulate.getResultCode(), accumulate.getLine(), into);
            } else if (pattern.getSource() != null) {
                collect(pattern.getSource(), into);
            }
        } else if (descr instanceof EvalDescr eval) {
            into.add(new Expression(String.valueOf(eval.getContent()), eval.getLine()));
        } else if (descr instanceof ConditionalElementDescr element) {
            for (BaseDescr child : element.getDescrs()) {
                collect(child, into);
            }
        }
    }

    private static void addCode(String code, int line, List<Expression> into) {
        if (code != null && !code.isBlank()) {
            into.add(new Expression(code, line));
        }
    }

    /**
     * What the expression names that a condition may not, or null. String literals are not names.
     */
    static String reach(String expression) {
        String code = STRING_LITERAL.matcher(expression).replaceAll("\"\"");
        Matcher qualified = QUALIFIED.matcher(code);
        while (qualified.find()) {
            String name = qualified.group(1);
            if (ALLOWED_PACKAGES.stream().noneMatch(name::startsWith)
                    || DENIED_UNDER_ALLOWED.stream().anyMatch(name::startsWith)) {
                if (!name.startsWith("java.lang.")
                        || deniedName(name.substring("java.lang.".length())) != null) {
                    return name;
                }
            }
        }
        Matcher identifier = IDENTIFIER.matcher(code);
        while (identifier.find()) {
            String denied = deniedName(identifier.group());
            if (denied != null) {
                return denied;
            }
        }
        return null;
    }

    private static String deniedName(String name) {
        String simple = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        return DENIED_NAMES.contains(simple) ? simple : null;
    }
}
