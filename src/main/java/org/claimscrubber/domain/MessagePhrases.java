package org.claimscrubber.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Phrases rule messages share, so the DRL consequences stay one readable line. */
public final class MessagePhrases {

    // Called for every finding that cites several facts, so it compares fields rather than
    // formatting strings.
    private static final Comparator<Object> DOCUMENT_ORDER =
            (first, second) -> {
                if (first instanceof SeedFact a && second instanceof SeedFact b) {
                    int byFile = a.provenance().file().compareTo(b.provenance().file());
                    if (byFile != 0) {
                        return byFile;
                    }
                    int byLine = Integer.compare(a.provenance().line(), b.provenance().line());
                    return byLine != 0 ? byLine : a.key().compareTo(b.key());
                }
                if (first instanceof SeedFact || second instanceof SeedFact) {
                    return first instanceof SeedFact ? -1 : 1;
                }
                return String.valueOf(first).compareTo(String.valueOf(second));
            };

    private MessagePhrases() {}

    /** The keys of facts in document order, e.g. "19301, 19302 or 38525". */
    public static String either(Collection<?> facts) {
        List<String> keys =
                inDocumentOrder(facts).stream().map(MessagePhrases::keyOf).distinct().toList();
        return keys.size() < 2
                ? String.join("", keys)
                : String.join(", ", keys.subList(0, keys.size() - 1))
                        + " or "
                        + keys.get(keys.size() - 1);
    }

    /**
     * Facts sorted by file and line (rules collect them in no fixed order; reports must be stable).
     */
    static List<Object> inDocumentOrder(Collection<?> facts) {
        List<Object> sorted = new ArrayList<>(facts);
        sorted.sort(DOCUMENT_ORDER);
        return sorted;
    }

    /** A diagnosis with what its code structure says, e.g. "C50.912 (left, female)". */
    public static String diagnosis(Diagnosis diagnosis) {
        StringBuilder text = new StringBuilder(diagnosis.code());
        String side =
                diagnosis.side() == Side.RIGHT || diagnosis.side() == Side.LEFT
                        ? diagnosis.side().label()
                        : null;
        String sex = diagnosis.impliedSex() == Sex.UNKNOWN ? null : diagnosis.impliedSex().label();
        if (side != null || sex != null) {
            text.append(" (")
                    .append(side == null ? sex : sex == null ? side : side + ", " + sex)
                    .append(')');
        }
        return text.toString();
    }

    /**
     * How the documents word a code, where that differs from the official label: "" when they agree
     * (or say nothing), otherwise e.g. "; its document says 'Unspecified lump in breast'".
     */
    public static String seedWording(Collection<?> seedLabels, String officialLabel) {
        List<String> differing = new ArrayList<>();
        for (Object label : seedLabels) {
            String text = String.valueOf(label).strip();
            if (!text.isEmpty()
                    && !WordingMatch.agree(text, officialLabel, WordingMatch.DIAGNOSIS_AGREEMENT)
                    && !differing.contains(text)) {
                differing.add(text);
            }
        }
        return differing.isEmpty()
                ? ""
                : "; its document says '" + String.join("' / '", differing) + "'";
    }

    /**
     * What the document's rows for a code say where the official facts contradict them, e.g. "; the
     * document describes CQ as '...', but CQ is '...'". Empty when no row is contradicted.
     */
    public static String contradictions(Collection<?> rows) {
        List<String> problems = new ArrayList<>();
        for (Object row : inDocumentOrder(rows)) {
            String problem =
                    row instanceof ModifierEntry m && m.contradicted()
                            ? m.check().problem()
                            : row instanceof DiagnosisEntry d && d.contradicted()
                                    ? d.check().problem()
                                    : row instanceof TaxonomyEntry t && t.contradicted()
                                            ? t.check().problem()
                                            : null;
            if (problem != null && !problems.contains(problem)) {
                problems.add(problem);
            }
        }
        return problems.isEmpty() ? "" : "; " + String.join("; ", problems);
    }

    /**
     * For a finding that already says what the code is: "; the document lists CQ as '...', which CQ
     * is not".
     */
    public static String misdescribed(Collection<?> rows) {
        List<String> parts = new ArrayList<>();
        for (Object row : inDocumentOrder(rows)) {
            if (row instanceof ModifierEntry m && m.contradicted()) {
                String part =
                        "the document lists "
                                + m.modifier()
                                + " for "
                                + m.procedureCode()
                                + " as '"
                                + m.description()
                                + "', which "
                                + m.modifier()
                                + " is not";
                if (!parts.contains(part)) {
                    parts.add(part);
                }
            }
        }
        return parts.isEmpty() ? "" : "; " + String.join("; ", parts);
    }

    private static String keyOf(Object fact) {
        return fact instanceof SeedFact seed ? seed.key() : String.valueOf(fact);
    }

    /**
     * How a finding cites its source: a fact's citation, several facts' citations in document
     * order, or text.
     */
    public static String cite(Object source) {
        if (source instanceof Cited fact) {
            return fact.citation();
        }
        if (source instanceof Collection<?> many) {
            return inDocumentOrder(many).stream()
                    .map(MessagePhrases::cite)
                    .distinct()
                    .collect(Collectors.joining("; "));
        }
        return source == null ? "" : source.toString();
    }
}
