package org.claimscrubber.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Reads the rule declarations of a DRL file with the Drools parser (syntax errors are the
 * compiler's to report).
 */
final class DeclarationReader {

    /**
     * What in a consequence (or a DRL function) may change the facts: the calls that insert,
     * modify, update or delete one, and any use of the {@code drools} or {@code kcontext} handles
     * beyond passing {@code kcontext} on (the findings collector takes it to name the rule). A rule
     * set with none of these cannot re-trigger a rule, so the engine can evaluate it in sequential
     * mode. Text, not semantics: a comment that names {@code update(} counts too, which only costs
     * the faster mode, never a finding.
     */
    static final Pattern CHANGES_FACTS =
            Pattern.compile(
                    "(?<![\\w.])(insert|insertLogical|modify|update|delete|retract)\\s*\\("
                            + "|\\b(drools|kcontext)\\s*\\.");

    private DeclarationReader() {}

    static boolean changesFacts(String code) {
        return code != null && CHANGES_FACTS.matcher(code).find();
    }

    /**
     * The file's syntax tree, read once for the checks that read rules as written; null when it
     * does not parse (syntax errors are the compiler's to report).
     */
    static PackageDescr parse(RuleSet.RuleFile file) {
        try {
            return new DrlParser().parse(false, file.content());
        } catch (DroolsParserException | RuntimeException e) {
            return null;
        }
    }

    static List<RuleDeclaration> read(RuleSet.RuleFile file, PackageDescr descr) {
        if (descr == null) {
            return List.of();
        }
        String[] lines = file.content().split("\\R", -1);
        boolean functionsChangeFacts =
                descr.getFunctions().stream()
                        .anyMatch(function -> changesFacts(function.getBody()));
        List<RuleDeclaration> declarations = new ArrayList<>();
        for (RuleDescr rule : descr.getRules()) {
            Map<String, RuleDeclaration.Annotation> annotations = new LinkedHashMap<>();
            for (AnnotationDescr annotation : rule.getAnnotations()) {
                Object value = annotation.getSingleValueStripped();
                String name = annotation.getName().toLowerCase(Locale.ROOT);
                int[] at = position(lines, rule.getLine(), "@" + name);
                annotations.put(
                        name,
                        new RuleDeclaration.Annotation(
                                value == null ? "" : value.toString(), at[0], at[1]));
            }
            declarations.add(
                    new RuleDeclaration(
                            file.name(),
                            rule.getName(),
                            rule.getLine(),
                            rule.getColumn() + 1,
                            annotations,
                            functionsChangeFacts
                                    || changesFacts(String.valueOf(rule.getConsequence()))));
        }
        return declarations;
    }

    /**
     * Where {@code @name} is written in the rule's header (the parser does not keep annotation
     * positions): the first occurrence from the rule's line up to its {@code when}; the rule's line
     * if not found.
     */
    private static int[] position(String[] lines, int ruleLine, String annotation) {
        for (int i = Math.max(ruleLine - 1, 0); i < lines.length; i++) {
            int column = lines[i].toLowerCase(Locale.ROOT).indexOf(annotation);
            if (column >= 0) {
                return new int[] {i + 1, column + 1};
            }
            if (lines[i].strip().startsWith("when")) {
                break;
            }
        }
        return new int[] {ruleLine, 1};
    }
}
