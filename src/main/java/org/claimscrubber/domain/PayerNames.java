package org.claimscrubber.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The payer names a run knows: a payer rule asks whether a line's payer is, say, Medicare, and the config's
 * aliases ({@code payer.Medicare = Medicare Part B, MEDICARE RAILROAD}) say which export names count as it.
 * Any case, surrounding spaces ignored. One fact in every session:
 * <pre>$payers : PayerNames()
 * $line : ClaimLine(hasModifier("59"), $payers.is(payer, "Medicare"))</pre>
 */
public final class PayerNames {


    private final Map<String, Set<String>> aliases;

    /** @param aliases payer name (lower case) to the export payer names (lower case) that count as it */
    public PayerNames(Map<String, Set<String>> aliases) {
        Map<String, Set<String>> all = new java.util.HashMap<>(DEFAULTS);
        all.putAll(aliases);
        this.aliases = Map.copyOf(all);
    }

    /**
     * Scopes with a default: the NCCI edits are Medicare's, unless the config names the payers that apply them
     * ({@code payer.NCCI = Medicare, Aetna}; many commercial payers apply NCCI too).
     */
    private static final Map<String, Set<String>> DEFAULTS = Map.of("ncci", Set.of("medicare"));

    /** True when the line's payer is {@code name} or one of its aliases. */
    public boolean is(String payer, String name) {
        // Rules ask this for every line, of a few dozen distinct payer names: remember each answer.
        Map<String, Boolean> answers = known.computeIfAbsent(name, k -> new java.util.concurrent.ConcurrentHashMap<>());
        Boolean answer = answers.get(payer == null ? "" : payer);
        if (answer == null) {
            String written = payer == null ? "" : payer.strip().toLowerCase(Locale.ROOT);
            String key = name.toLowerCase(Locale.ROOT);
            answer = key.equals(written) || aliases.getOrDefault(key, Set.of()).contains(written);
            if (answers.size() < MAX_REMEMBERED) {
                answers.put(payer == null ? "" : payer, answer);
            }
        }
        return answer;
    }

    private static final int MAX_REMEMBERED = 10_000;
    private final Map<String, Map<String, Boolean>> known = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public String toString() {
        return "payer names (" + aliases.size() + " with aliases)";
    }
}
