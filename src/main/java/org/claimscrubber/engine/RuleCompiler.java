package org.claimscrubber.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimscrubber.config.RunConfig;
import org.claimscrubber.domain.FindingCollector;
import org.claimscrubber.domain.Suppression;
import org.drools.compiler.compiler.DescrBuildError;
import org.drools.compiler.compiler.RuleBuildError;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.ParserError;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.conf.SequentialOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.builder.conf.PropertySpecificOption;
import org.kie.internal.conf.ConsequenceExceptionHandlerOption;
import org.kie.internal.io.ResourceFactory;
import org.kie.internal.jci.CompilationProblem;

/**
 * Compiles a {@link RuleSet} with the classic DRL build, which names the DRL file and line of every
 * error, and checks each rule's metadata. Every problem found is reported, not just the first.
 */
public final class RuleCompiler {

    /** The global every rule reports through. */
    public static final String FINDINGS_GLOBAL = "findings";

    private static final Pattern PARSER_POSITION = Pattern.compile("Line (\\d+):(\\d+)");
    private static final Pattern MVEL_POSITION =
            Pattern.compile("\\[Line: (\\d+), Column: (\\d+)\\]");

    private final RuleCache cache;

    /** A compiler that always compiles (what `rules check` and the tests use). */
    public RuleCompiler() {
        this(RuleCache.off());
    }

    public RuleCompiler(RuleCache cache) {
        this.cache = cache;
    }

    public CompiledRules compile(RuleSet rules) throws RulesException {
        return compile(rules, RunConfig.NONE);
    }

    /**
     * Compiles (or loads from the cache what an earlier run compiled from the same files), then
     * leaves out the rules {@code config} turn off; an unknown rule id there is an error.
     */
    public CompiledRules compile(RuleSet rules, RunConfig config) throws RulesException {
        RuleCache.Entry entry = cache.load(rules).orElse(null);
        boolean cached = entry != null;
        if (!cached) {
            entry = build(rules);
            cache.store(rules, entry);
        }
        KieBaseConfiguration baseOptions = KieServices.get().newKieBaseConfiguration();
        baseOptions.setOption(ConsequenceExceptionHandlerOption.get(RuleFailureHandler.class));
        // Rules that only report (every shipped rule) are evaluated in sequential mode: each
        // matching rule fires once, with no agenda re-evaluation, measured 7% faster at 5M lines
        // with the same findings (docs/performance.md). Rules that change facts need the full
        // engine.
        boolean sequential = !entry.changesFacts();
        if (sequential) {
            baseOptions.setOption(SequentialOption.YES);
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(baseOptions);
        kieBase.addPackages(entry.packages());
        Set<String> ids = new HashSet<>();
        for (RuleMetadata rule : entry.catalogue()) {
            ids.add(rule.id());
            if (config.reasonOff(rule.id(), rule.category()) != null) {
                kieBase.removeRule(packageOf(kieBase, rule.ruleName()), rule.ruleName());
            }
        }
        for (String id : config.disabledRules()) {
            if (!ids.contains(id)) {
                throw new RulesException(
                        config.source()
                                + ":"
                                + config.lines().get("rule:" + id)
                                + ": disable.rules names "
                                + id
                                + ", which no rule file defines");
            }
        }
        for (Suppression suppression : config.suppressions()) {
            if (!ids.contains(suppression.ruleId())) {
                throw new RulesException(
                        suppression.where()
                                + ": rule_id "
                                + suppression.ruleId()
                                + " names a rule no rule file defines (a renamed or deleted rule?)");
            }
        }
        for (RunConfig.SeverityOverride override : config.severities()) {
            if (!ids.contains(override.ruleId())) {
                throw new RulesException(
                        config.source()
                                + ":"
                                + override.line()
                                + ": severity."
                                + override.ruleId()
                                + " names a rule no rule file defines");
            }
        }
        return new CompiledRules(rules, kieBase, entry.catalogue(), config, cached, sequential);
    }

    /** Compiles the DRL and checks the metadata, reporting every problem found. */
    private RuleCache.Entry build(RuleSet rules) throws RulesException {
        KnowledgeBuilderConfiguration config =
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration();
        // Facts are immutable and never modified, so property reactivity would only cost (and
        // warn).
        config.setOption(PropertySpecificOption.ALLOWED);
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(config);
        List<RuleDeclaration> declarations = new ArrayList<>();
        Map<String, PackageDescr> parsed = new HashMap<>();
        for (RuleSet.RuleFile file : rules.files()) {
            builder.add(
                    ResourceFactory.newByteArrayResource(
                                    file.content().getBytes(StandardCharsets.UTF_8))
                            .setSourcePath(file.name()),
                    ResourceType.DRL);
            PackageDescr descr = DeclarationReader.parse(file);
            parsed.put(file.name(), descr);
            declarations.addAll(DeclarationReader.read(file, descr));
        }
        Map<String, String[]> sources = new HashMap<>();
        for (RuleSet.RuleFile file : rules.files()) {
            sources.put(file.name(), file.content().split("\\R", -1));
        }
        List<RuleDiagnostic> problems = new ArrayList<>();
        for (KnowledgeBuilderResult result : builder.getResults(ResultSeverity.ERROR)) {
            problems.addAll(diagnosticsOf(result, declarations, sources));
        }
        for (RuleSet.RuleFile file : rules.files()) {
            problems.addAll(LiteralTypeCheck.check(file));
            problems.addAll(ReferenceGlobals.check(file));
            problems.addAll(ReferenceGlobals.checkPatterns(file, parsed.get(file.name())));
            problems.addAll(ConditionSandbox.check(file, parsed.get(file.name())));
        }
        problems.addAll(payerScopesApplied(declarations, sources));
        if (problems.isEmpty()) {
            problems.addAll(sandboxed(builder, declarations, rules));
        }
        List<RuleMetadata> catalogue = new MetadataReader(problems).read(declarations);
        if (problems.isEmpty() && !declaresFindings(builder)) {
            problems.add(
                    new RuleDiagnostic(
                            rules.files().get(0).name(),
                            1,
                            1,
                            null,
                            "no rule file declares "
                                    + "'global "
                                    + FindingCollector.class.getName()
                                    + " "
                                    + FINDINGS_GLOBAL
                                    + ";'"));
        }
        if (!problems.isEmpty()) {
            problems.sort(
                    Comparator.comparing(RuleDiagnostic::file)
                            .thenComparingInt(RuleDiagnostic::line)
                            .thenComparingInt(RuleDiagnostic::column));
            throw new RulesException(problems);
        }
        return new RuleCache.Entry(
                new ArrayList<>(builder.getKnowledgePackages()),
                catalogue,
                declarations.stream().anyMatch(RuleDeclaration::changesFacts));
    }

    /**
     * A rule's payer scope is written once, in {@code @payers("Aetna")}, and the engine applies it
     * to the rule's findings ({@link CompiledRules#inScope}). A rule that also tests {@code
     * payers.is(payer, ...)} says its scope twice, and the two can drift apart (a rule listed as
     * Aetna's that tests Cigna finds nothing): refused, at the annotation. An empty scope name is
     * refused too.
     */
    private static List<RuleDiagnostic> payerScopesApplied(
            List<RuleDeclaration> declarations, Map<String, String[]> sources) {
        List<RuleDiagnostic> problems = new ArrayList<>();
        for (RuleDeclaration rule : declarations) {
            RuleDeclaration.Annotation payers = rule.annotations().get("payers");
            String[] lines = sources.get(rule.file());
            if (payers == null || lines == null) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            for (int i = Math.max(rule.line() - 1, 0); i < lines.length; i++) {
                text.append(lines[i]).append('\n');
                if (i > rule.line() - 1 && lines[i].strip().equals("end")) {
                    break;
                }
            }
            String body = text.toString().replaceAll("\\s+", " ");
            if (body.contains("payers.is(payer,")) {
                problems.add(
                        new RuleDiagnostic(
                                rule.file(),
                                payers.line(),
                                payers.column(),
                                rule.name(),
                                "@payers(\""
                                        + payers.value()
                                        + "\") is applied by the engine; remove the payers.is(payer, ...) condition,"
                                        + " which says the scope a second time"));
            }
            for (String name : payers.value().split(",")) {
                String scope = name.strip();
                if (scope.isEmpty() || scope.equals("not")) {
                    problems.add(
                            new RuleDiagnostic(
                                    rule.file(),
                                    payers.line(),
                                    payers.column(),
                                    rule.name(),
                                    "@payers(\""
                                            + payers.value()
                                            + "\") names an empty payer scope"));
                }
            }
        }
        return problems;
    }

    /**
     * Each class a rule's compiled code names outside what a rule may reach ({@link RuleSandbox}),
     * at the rule that names it (the compiled class is named after the rule; a function's class
     * after the function).
     */
    private static List<RuleDiagnostic> sandboxed(
            KnowledgeBuilder builder, List<RuleDeclaration> declarations, RuleSet rules) {
        List<RuleDiagnostic> problems = new ArrayList<>();
        Set<String> said = new HashSet<>();
        for (RuleSandbox.Reach reach : RuleSandbox.check(builder.getKnowledgePackages())) {
            String simple =
                    reach.compiledClass().substring(reach.compiledClass().lastIndexOf('.') + 1);
            RuleDeclaration at =
                    declarations.stream()
                            .filter(
                                    d ->
                                            simple.startsWith(
                                                    "Rule_"
                                                            + d.name()
                                                                    .replaceAll(
                                                                            "[^A-Za-z0-9_]", "_")))
                            .findFirst()
                            .orElse(null);
            RuleDiagnostic function = at == null ? functionAt(rules, simple) : null;
            String file = at == null ? function.file() : at.file();
            int line = at == null ? function.line() : at.line();
            String message =
                    "a rule may not use "
                            + reach.named()
                            + ": rules may name the domain classes, java.util,"
                            + " java.time, java.math and java.lang's value types, not the system, files, threads, processes"
                            + " or reflection";
            if (said.add(file + line + reach.named())) {
                problems.add(
                        new RuleDiagnostic(file, line, 1, at == null ? null : at.name(), message));
            }
        }
        return problems;
    }

    /**
     * Where function {@code name} is declared (its compiled class has its name): a file and line,
     * else the first file.
     */
    private static RuleDiagnostic functionAt(RuleSet rules, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (RuleSet.RuleFile file : rules.files()) {
            String[] lines = file.content().split("\\R", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip().toLowerCase(Locale.ROOT);
                if (line.startsWith("function ") && line.contains(" " + lower + "(")) {
                    return new RuleDiagnostic(file.name(), i + 1, 1, null, "");
                }
            }
        }
        return new RuleDiagnostic(rules.files().get(0).name(), 1, 1, null, "");
    }

    private static String packageOf(KieBase kieBase, String ruleName) {
        return kieBase.getKiePackages().stream()
                .filter(
                        pkg ->
                                pkg.getRules().stream()
                                        .anyMatch(rule -> rule.getName().equals(ruleName)))
                .map(KiePackage::getName)
                .findFirst()
                .orElseThrow();
    }

    private static boolean declaresFindings(KnowledgeBuilder builder) {
        return builder.getKnowledgePackages().stream()
                .anyMatch(
                        pkg ->
                                pkg.getGlobalVariables().stream()
                                        .anyMatch(
                                                global ->
                                                        global.getName().equals(FINDINGS_GLOBAL)));
    }

    /**
     * A Drools build result as FILE:LINE:COLUMN diagnostics; none for noise that repeats another.
     */
    private static List<RuleDiagnostic> diagnosticsOf(
            KnowledgeBuilderResult result,
            List<RuleDeclaration> declarations,
            Map<String, String[]> sources) {
        String file =
                result.getResource() == null
                        ? "(unknown file)"
                        : result.getResource().getSourcePath();
        String message = result.getMessage() == null ? "" : result.getMessage();
        if (message.startsWith("Parser returned a null Package")
                || message.startsWith("Duplicate rule name")) {
            // the first follows a syntax error already reported; the second is checked with
            // metadata
            return List.of();
        }
        int line = result.getLines().length > 0 ? result.getLines()[0] : 0;
        int column = 0;
        String ruleName = null;
        if (result instanceof ParserError parserError) {
            Matcher position = PARSER_POSITION.matcher(message);
            if (position.find()) {
                line = Integer.parseInt(position.group(1));
                column = Integer.parseInt(position.group(2)) + 1;
            } else {
                column = parserError.getCol() + 1;
            }
        } else if (result instanceof RuleBuildError ruleError) {
            ruleName = ruleError.getRule().getName();
            List<CompilationProblem> problems = compilationProblems(result);
            if (!problems.isEmpty() && ruleError.getDescr() instanceof RuleDescr rule) {
                List<RuleDiagnostic> diagnostics = new ArrayList<>();
                for (CompilationProblem problem : problems) {
                    int drlLine =
                            ConsequenceLines.drlLine(
                                    problem.getStartLine(), rule.getConsequenceLine());
                    diagnostics.add(
                            new RuleDiagnostic(
                                    file,
                                    drlLine,
                                    firstColumn(sources.get(file), drlLine),
                                    ruleName,
                                    "in the consequence: "
                                            + Messages.explain(problem.getMessage())));
                }
                return diagnostics;
            }
        } else if (result instanceof DescrBuildError descrError) {
            column = descrError.getColumn() + 1;
            if (descrError.getParentDescr() instanceof RuleDescr rule) {
                ruleName = rule.getName();
            }
        }
        if (ruleName == null) {
            ruleName = enclosingRule(declarations, file, line);
        }
        String explained = Messages.explain(oneLine(message));
        if (result instanceof ParserError) {
            explained =
                    ParserMessages.explain(
                            explained,
                            sources.get(file),
                            line,
                            column,
                            ruleLine(sources.get(file), line));
        }
        return List.of(new RuleDiagnostic(file, line, column, ruleName, explained));
    }

    /** The line of the last "rule" header at or before {@code line} (0 when none). */
    private static int ruleLine(String[] lines, int line) {
        if (lines == null) {
            return 0;
        }
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            if (lines[i].strip().startsWith("rule ")) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The Java compile problems behind a consequence error, if that is what the result is. */
    static List<CompilationProblem> compilationProblems(KnowledgeBuilderResult result) {
        if (!(result instanceof DescrBuildError error)) {
            return List.of();
        }
        Object object = error.getObject();
        Object[] candidates = object instanceof Object[] many ? many : new Object[] {object};
        List<CompilationProblem> problems = new ArrayList<>();
        for (Object candidate : candidates) {
            if (candidate instanceof CompilationProblem problem && problem.isError()) {
                problems.add(problem);
            }
        }
        return problems;
    }

    /** The column of the first non-blank character of a line (1-based), or 1. */
    private static int firstColumn(String[] lines, int line) {
        if (lines == null || line < 1 || line > lines.length) {
            return 1;
        }
        String text = lines[line - 1];
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return i + 1;
            }
        }
        return 1;
    }

    /** The rule declared last at or before {@code line} in {@code file}. */
    private static String enclosingRule(List<RuleDeclaration> declarations, String file, int line) {
        String name = null;
        for (RuleDeclaration rule : declarations) {
            if (rule.file().equals(file) && rule.line() <= line) {
                name = rule.name();
            }
        }
        return name;
    }

    /**
     * Drools messages span several lines (MVEL adds "[Near : {...}]", a caret and "[Line: x,
     * Column: y]"); the analyst needs the first statement and the reason, on one line.
     */
    static String oneLine(String message) {
        StringBuilder text = new StringBuilder();
        for (String part : message.split("\\R")) {
            String piece = part.strip();
            if (piece.isEmpty()
                    || piece.startsWith("[Near")
                    || piece.equals("^")
                    || MVEL_POSITION.matcher(piece).matches()) {
                continue;
            }
            if (piece.startsWith("[Error: ") && piece.endsWith("]")) {
                piece = piece.substring(8, piece.length() - 1);
            }
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(piece);
        }
        return text.toString()
                .replace(" : [Rule name=", " [Rule name=")
                .replaceAll("\\s*\\[Rule name='[^']*'\\]", "");
    }
}
