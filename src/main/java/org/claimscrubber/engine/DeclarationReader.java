package org.claimscrubber.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/** Reads the rule declarations of a DRL file with the Drools parser (syntax errors are the compiler's to report). */
final class DeclarationReader {

    private DeclarationReader() {
    }

    static List<RuleDeclaration> read(RuleSet.RuleFile file) {
        PackageDescr descr;
        try {
            descr = new DrlParser().parse(false, file.content());
        } catch (DroolsParserException | RuntimeException e) {
            return List.of();
        }
        if (descr == null) {
            return List.of();
        }
        List<RuleDeclaration> declarations = new ArrayList<>();
        for (RuleDescr rule : descr.getRules()) {
            Map<String, RuleDeclaration.Annotation> annotations = new LinkedHashMap<>();
            for (AnnotationDescr annotation : rule.getAnnotations()) {
                Object value = annotation.getSingleValueStripped();
                annotations.put(annotation.getName().toLowerCase(Locale.ROOT), new RuleDeclaration.Annotation(
                        value == null ? "" : value.toString(), annotation.getLine(), annotation.getColumn() + 1));
            }
            declarations.add(new RuleDeclaration(file.name(), rule.getName(), rule.getLine(), rule.getColumn() + 1,
                    annotations));
        }
        return declarations;
    }
}
