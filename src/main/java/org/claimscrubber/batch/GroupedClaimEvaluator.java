package org.claimscrubber.batch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.claimscrubber.domain.ClaimHistory;
import org.claimscrubber.engine.CompiledRules;
import org.claimscrubber.facts.FactBase;
import org.claimscrubber.input.ClaimParser;
import org.claimscrubber.input.ClaimRows;
import org.claimscrubber.report.ClaimOutcome;

/**
 * Scrubs claims handed over whole, outside the local pipeline (the Spark job): each claim's rows
 * are parsed and the claims evaluated in one session, exactly as the local run evaluates a chunk.
 * Not thread-safe.
 */
public final class GroupedClaimEvaluator {

    /** About how many rows to evaluate in one session, as the local run does. */
    public static final int CHUNK_LINES = Chunker.CHUNK_LINES;

    private final WorkerSessions chunks;
    private final ClaimParser parser = new ClaimParser(false);
    private long sequence;

    public GroupedClaimEvaluator(CompiledRules rules, FactBase facts, LocalDate today) {
        this.chunks =
                new WorkerSessions(
                        rules,
                        ClaimPipeline.referenceFacts(facts, today, ClaimHistory.NONE),
                        facts.coverage());
    }

    /**
     * The claims' outcomes, in claim order (the order of each claim's first row among the inputs).
     */
    public List<ClaimOutcome> evaluate(List<ClaimRows> claims) {
        List<ClaimParser.ParsedClaim> parsed = new ArrayList<>(claims.size());
        for (ClaimRows claim : claims) {
            parsed.add(parser.parse(claim));
        }
        // Outcomes go out in claim order, as the local run writes them.
        parsed.sort(Comparator.comparingLong(claim -> claim.claim().order()));
        return chunks.evaluate(new Chunk(sequence++, parsed));
    }
}
