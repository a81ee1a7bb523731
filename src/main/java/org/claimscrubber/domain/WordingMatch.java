package org.claimscrubber.domain;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a document's wording of a code agrees with another wording (the official label, or
 * another document's). Words are compared by their first five letters (axilla/axillary), ignoring
 * small words and parenthesised notes. Two wordings agree when one's words are all among the
 * other's (a shortened label), or when they share enough words, unless they name opposite sides or
 * sexes (right/left, male/female).
 */
public final class WordingMatch {

    /**
     * Share of words two labels must have in common to agree (where neither contains the other's
     * words).
     */
    public static final double LABEL_AGREEMENT = 0.5;

    /** Diagnosis labels are precise, so they must share more. */
    public static final double DIAGNOSIS_AGREEMENT = 0.6;

    private static final Set<String> SMALL =
            Set.of(
                    "of", "the", "and", "or", "in", "a", "an", "by", "for", "to", "with", "at",
                    "on", "per", "use", "not", "is", "be", "its", "eg");
    private static final List<List<String>> OPPOSITES =
            List.of(List.of("right", "left"), List.of("male", "femal"));

    private static final int MAX_REMEMBERED = 10_000;
    private static final Map<String, Set<String>> WORDS = new ConcurrentHashMap<>();

    private WordingMatch() {}

    /**
     * @param threshold the share of words two wordings must have in common when neither contains
     *     the other
     */
    public static boolean agree(String first, String second, double threshold) {
        Set<String> a = words(first);
        Set<String> b = words(second);
        if (a.isEmpty() || b.isEmpty()) {
            return true;
        }
        for (List<String> pair : OPPOSITES) {
            if (a.contains(pair.get(0)) && b.contains(pair.get(1))
                    || a.contains(pair.get(1)) && b.contains(pair.get(0))) {
                return false;
            }
        }
        if (a.containsAll(b) || b.containsAll(a)) {
            return true;
        }
        Set<String> union = new LinkedHashSet<>(a);
        union.addAll(b);
        long shared = a.stream().filter(b::contains).count();
        return (double) shared / union.size() >= threshold;
    }

    static Set<String> words(String text) {
        // Rules compare the same few hundred labels for every finding; the regular expressions run
        // once per label.
        Set<String> known = WORDS.get(text);
        if (known != null) {
            return known;
        }
        Set<String> words = Collections.unmodifiableSet(wordsOf(text));
        if (WORDS.size() < MAX_REMEMBERED) {
            WORDS.put(text, words);
        }
        return words;
    }

    private static Set<String> wordsOf(String text) {
        String plain = text.replaceAll("\\([^)]*\\)", " ").toLowerCase(Locale.ROOT);
        Set<String> words = new LinkedHashSet<>();
        for (String word : plain.split("[^a-z0-9]+")) {
            if (word.isEmpty() || SMALL.contains(word)) {
                continue;
            }
            words.add(word.length() > 5 ? word.substring(0, 5) : word);
        }
        return words;
    }
}
