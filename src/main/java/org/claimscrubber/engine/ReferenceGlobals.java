package org.claimscrubber.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimscrubber.domain.ClaimHistory;
import org.claimscrubber.domain.CodeDates;
import org.claimscrubber.domain.DiagnosisAges;
import org.claimscrubber.domain.DiagnosisCodes;
import org.claimscrubber.domain.DocumentedCodes;
import org.claimscrubber.domain.FeeSchedule;
import org.claimscrubber.domain.FindingCollector;
import org.claimscrubber.domain.NcciEdits;
import org.claimscrubber.domain.PayerNames;
import org.claimscrubber.domain.RunContext;
import org.claimscrubber.domain.TaxonomyCodes;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;

/**
 * The reference data a rule may name as a global ({@code global org.claimscrubber.domain.NcciEdits
 * ncci;}): each global whose type is a reference fact's class gets that fact. A condition on a line
 * that calls a global ({@code ClaimLine(ncci.hasPtpConflict(this))}) is checked as the line enters
 * the network, before any join, so a line it does not concern costs one call instead of a place in
 * a join's memory.
 */
final class ReferenceGlobals {

    /**
     * The types a rule file may declare a global of: the reference data every session sets, and the
     * collector.
     */
    static final Set<String> TYPES =
            Set.of(
                    DocumentedCodes.class.getName(),
                    DiagnosisCodes.class.getName(),
                    DiagnosisAges.class.getName(),
                    TaxonomyCodes.class.getName(),
                    NcciEdits.class.getName(),
                    FeeSchedule.class.getName(),
                    CodeDates.class.getName(),
                    PayerNames.class.getName(),
                    RunContext.class.getName(),
                    ClaimHistory.class.getName(),
                    FindingCollector.class.getName());

    private static final Pattern GLOBAL =
            Pattern.compile("^\\s*global\\s+([\\w.$]+)\\s+(\\w+)\\s*;?");

    private ReferenceGlobals() {}

    /**
     * A global the scrubber does not set would be null in every session, and a condition naming it
     * would fail on every line: such a declaration is a compile error at its line instead.
     */
    static List<RuleDiagnostic> check(RuleSet.RuleFile file) {
        List<RuleDiagnostic> problems = new ArrayList<>();
        String[] lines = file.content().split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher global = GLOBAL.matcher(lines[i]);
            if (global.find() && !TYPES.contains(global.group(1))) {
                problems.add(
                        new RuleDiagnostic(
                                file.name(),
                                i + 1,
                                global.start(1) + 1,
                                null,
                                "global "
                                        + global.group(2)
                                        + ": the scrubber sets no global of type "
                                        + global.group(1)
                                        + "; it sets "
                                        + String.join(", ", new TreeSet<>(TYPES))));
            }
        }
        return problems;
    }

    /**
     * True for reference data the scrubber gives rules as a global only (never inserted as a fact):
     * one object per session that rules ask questions of.
     */
    static boolean isGlobalOnly(Object fact) {
        for (Class<?> type = fact.getClass(); type != null; type = type.getSuperclass()) {
            if (TYPES.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A pattern that matches reference data as a fact ({@code RunContext($today : today)}) would
     * never match, since reference data is a global only, and its rule would stay silent: such a
     * pattern is a compile error at its line instead.
     */
    static List<RuleDiagnostic> checkPatterns(RuleSet.RuleFile file, PackageDescr descr) {
        List<RuleDiagnostic> problems = new ArrayList<>();
        if (descr == null) {
            return problems;
        }
        Map<String, String> globalTypes = new LinkedHashMap<>();
        for (String type : TYPES) {
            if (!type.equals(FindingCollector.class.getName())) {
                globalTypes.put(type.substring(type.lastIndexOf('.') + 1), type);
            }
        }
        for (RuleDescr rule : descr.getRules()) {
            List<PatternDescr> patterns = new ArrayList<>();
            collectFactPatterns(rule.getLhs(), patterns);
            for (PatternDescr pattern : patterns) {
                String type = pattern.getObjectType();
                String simple = type == null ? "" : type.substring(type.lastIndexOf('.') + 1);
                if (globalTypes.containsKey(simple)) {
                    problems.add(
                            new RuleDiagnostic(
                                    file.name(),
                                    pattern.getLine() > 0 ? pattern.getLine() : rule.getLine(),
                                    pattern.getColumn() > 0 ? pattern.getColumn() + 1 : 1,
                                    rule.getName(),
                                    simple
                                            + " is reference data the scrubber sets as a global, not a fact a"
                                            + " pattern can match: declare 'global "
                                            + globalTypes.get(simple)
                                            + " <name>;' and ask it in a condition, as"
                                            + " ClaimLine(documents.cover(procedureCode)) asks DocumentedCodes"));
                }
            }
        }
        return problems;
    }

    /** The patterns matched against the session's facts (not those read {@code from} a source). */
    private static void collectFactPatterns(BaseDescr descr, List<PatternDescr> into) {
        if (descr instanceof PatternDescr pattern) {
            if (pattern.getSource() == null || pattern.getSource() instanceof EntryPointDescr) {
                into.add(pattern);
            } else if (pattern.getSource() instanceof AccumulateDescr accumulate) {
                collectFactPatterns(accumulate.getInput(), into);
            } else if (pattern.getSource() instanceof CollectDescr collect) {
                collectFactPatterns(collect.getInputPattern(), into);
            }
        } else if (descr instanceof ConditionalElementDescr element) {
            for (BaseDescr child : element.getDescrs()) {
                collectFactPatterns(child, into);
            }
        }
    }

    static Map<String, Object> of(KieBase kieBase, List<?> referenceFacts, Object payers) {
        List<Object> candidates = new ArrayList<>(referenceFacts);
        candidates.add(payers);
        // a session given no history knows none: its history rules stay silent, never fail on a
        // null global
        candidates.add(ClaimHistory.NONE);
        Map<String, Object> globals = new LinkedHashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Global global : pkg.getGlobalVariables()) {
                if (global.getName().equals(RuleCompiler.FINDINGS_GLOBAL)) {
                    continue;
                }
                for (Object fact : candidates) {
                    if (fact.getClass().getName().equals(global.getType())) {
                        globals.put(global.getName(), fact);
                        break;
                    }
                }
            }
        }
        return globals;
    }
}
