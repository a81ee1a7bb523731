package org.claimscrubber.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The payer names a run knows: a payer rule asks whether a line's payer is, say, Medicare, and the
 * config's aliases ({@code payer.Medicare = Medicare Part B, MEDICARE RAILROAD}) say which export
 * names count as it. Any case, surrounding spaces ignored. One fact in every session:
 *
 * <pre>$line : ClaimLine(hasModifier("59"), payers.is(payer, "Medicare"))</pre>
 *
 * <p>Scopes nest: a name in a scope's list counts with everything that counts as that name, so an
 * export name the config maps to Medicare is in the NCCI scope too. Without any config the usual
 * spellings are recognised: "Medicare", "Medicare Part B" or "Railroad Medicare" are Medicare; a
 * name with "Medicare" and "Advantage", or a commercial brand ("Humana Medicare", "AARP Medicare
 * Complete"), is a Medicare Advantage plan, which is not traditional Medicare but applies NCCI; a
 * name with "Medicaid" (or Medi-Cal) is Medicaid, which applies the Medicaid NCCI edits.
 */
public final class PayerNames {

    /** Scope names rules ask for. */
    public static final String MEDICARE = "medicare";

    public static final String MEDICARE_ADVANTAGE = "medicare advantage";
    public static final String MEDICAID = "medicaid";
    public static final String NCCI = "ncci";

    /**
     * The payers that apply the NCCI edits as payment policy, so that PTP and MUE are ERRORs for
     * them: Medicare, Medicare Advantage plans and Medicaid (Medicaid NCCI). {@code payer.NCCI =
     * Aetna} in the config adds others; {@code payer.NoNCCI = Self Pay} names payers that do not
     * apply them at all (no warning either).
     */
    private static final Map<String, Set<String>> DEFAULTS =
            Map.of(NCCI, Set.of(MEDICARE, MEDICARE_ADVANTAGE, MEDICAID));

    private static final String[] COMMERCIAL_BRANDS = {
        "aarp",
        "aetna",
        "anthem",
        "blue",
        "bcbs",
        "cigna",
        "humana",
        "kaiser",
        "uhc",
        "united",
        "wellcare",
        "molina",
        "centene",
        "devoted",
        "clover",
        "alignment",
        "scan"
    };
    private static final String[] ADVANTAGE_WORDS = {
        "advantage", "mapd", "hmo", "ppo", "complete", "dual", "snp"
    };

    private final Map<String, Set<String>> aliases;
    private final Map<String, Map<String, Boolean>> known = new ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED = 10_000;

    /**
     * @param aliases payer name (lower case) to the export payer names (lower case) that count as
     *     it
     */
    public PayerNames(Map<String, Set<String>> aliases) {
        Map<String, Set<String>> all = new HashMap<>();
        DEFAULTS.forEach((name, names) -> all.put(name, new HashSet<>(names)));
        aliases.forEach(
                (name, names) -> all.computeIfAbsent(name, k -> new HashSet<>()).addAll(names));
        Map<String, Set<String>> frozen = new HashMap<>();
        all.forEach((name, names) -> frozen.put(name, Set.copyOf(names)));
        this.aliases = Map.copyOf(frozen);
    }

    /**
     * True when the line's payer is {@code name}, one of its aliases, or counts as a name in its
     * list.
     */
    public boolean is(String payer, String name) {
        // Rules ask this for every line, of a few dozen distinct payer names: remember each answer.
        String key = name.toLowerCase(Locale.ROOT);
        Map<String, Boolean> answers = known.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
        String raw = payer == null ? "" : payer;
        Boolean answer = answers.get(raw);
        if (answer == null) {
            answer = counts(raw.strip().toLowerCase(Locale.ROOT), key, new HashSet<>());
            if (answers.size() < MAX_REMEMBERED) {
                answers.put(raw, answer);
            }
        }
        return answer;
    }

    private boolean counts(String written, String name, Set<String> seen) {
        if (!seen.add(name)) {
            return false;
        }
        if (name.equals(written) || name.equals(kindOf(written))) {
            return true;
        }
        for (String alias : aliases.getOrDefault(name, Set.of())) {
            if (alias.equals(written) || counts(written, alias, seen)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Medicare, Medicare Advantage or Medicaid when the written name says so in one of the usual
     * ways; "" otherwise. A name the config maps explicitly is still found through its alias.
     */
    static String kindOf(String written) {
        if (written.contains("medicaid")
                || written.contains("medi-cal")
                || written.contains("medical assistance")) {
            return MEDICAID;
        }
        if (!written.contains("medicare")) {
            return "";
        }
        if (written.contains("supplement") || written.contains("medigap")) {
            return MEDICARE; // pays after Medicare, on Medicare's decision
        }
        for (String word : ADVANTAGE_WORDS) {
            if (written.contains(word)) {
                return MEDICARE_ADVANTAGE;
            }
        }
        for (String brand : COMMERCIAL_BRANDS) {
            if (Pattern.compile("\\b" + brand + "\\b").matcher(written).find()) {
                return MEDICARE_ADVANTAGE;
            }
        }
        return MEDICARE;
    }

    @Override
    public String toString() {
        return "payer names (" + aliases.size() + " with aliases)";
    }
}
