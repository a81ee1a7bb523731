package org.claimscrubber.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.claimscrubber.Shipped;
import org.claimscrubber.domain.Category;
import org.claimscrubber.domain.Claim;
import org.claimscrubber.domain.Finding;
import org.claimscrubber.domain.NotChecked;
import org.claimscrubber.domain.Severity;
import org.claimscrubber.input.ClaimParser;
import org.claimscrubber.input.ClaimRows;
import org.claimscrubber.input.ColumnMap;
import org.claimscrubber.input.CsvRecord;
import org.claimscrubber.input.InputSource;
import org.claimscrubber.input.SourceInfo;
import org.claimscrubber.report.ClaimOutcome;
import org.junit.jupiter.api.Test;

/** The pipeline's parts on their own: spilling, partition counts, ordered evaluation. */
class PipelinePartsTest {

    @Test
    void anOutcomeSurvivesTheSpillFileUnchanged() throws Exception {
        SourceInfo source =
                new SourceInfo(
                        0,
                        "claims.csv",
                        new String[] {"claim_id"},
                        ColumnMap.of(
                                "claims.csv",
                                new String[] {
                                    "claim_id", "line_number", "date_of_service", "procedure_code"
                                }),
                        null,
                        ',');
        Finding finding =
                new Finding(
                        "C1",
                        7,
                        2,
                        Severity.ERROR,
                        Category.CODE,
                        "CODE-001",
                        "0352",
                        "message, with \"quotes\"",
                        "source",
                        "claims.csv",
                        12,
                        "accepted for this test (suppressions.csv:2, by QA)");
        Finding claimLevel =
                new Finding(
                        "C1",
                        7,
                        null,
                        Severity.WARNING,
                        Category.UNITS,
                        "UNITS-002",
                        "0971T",
                        "m",
                        "",
                        "f",
                        0,
                        "");
        ClaimRows.Row row =
                new ClaimRows.Row(
                        source,
                        CsvRecord.of(new String[] {"C1", "2", "", ""}, 12, false)
                                .withRaw(
                                        new byte[] {
                                            'C', '1', ',', '2', ',', ',', (byte) 0xE9, '\r', '\n'
                                        }));
        ClaimOutcome outcome =
                new ClaimOutcome(
                        "C1",
                        7,
                        new ClaimOutcome.Profile(
                                "Medicare", "2086X0206X", "1234567893", "2026-11-02", 465000),
                        new ClaimOutcome.Evaluation(
                                List.of(finding, claimLevel), false, new NotChecked()),
                        new ClaimOutcome.Rows(1, 1, List.of(row)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            Spill.writeOutcome(out, outcome);
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        ClaimOutcome back = Spill.readOutcome(in, List.of(source));
        assertThat(back.findings()).containsExactly(finding, claimLevel);
        assertThat(back.profile()).isEqualTo(outcome.profile());
        assertThat(back.fullyScrubbed()).isFalse();
        assertThat(back.rows().asRead())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.record().cells()).containsExactly("C1", "2", "", "");
                            assertThat(r.record().raw())
                                    .as("the bytes forwarded with --split")
                                    .isEqualTo(row.record().raw());
                        });
        assertThat(Spill.readOutcome(in, List.of(source))).as("end of the spill").isNull();
    }

    @Test
    void partitionsFollowTheInputSizeWithinBounds() {
        InputSource small = new InputSource("a.csv", Path.of("a.csv"), 10);
        InputSource huge = new InputSource("b.csv", Path.of("b.csv"), Long.MAX_VALUE / 4);
        InputSource gz = new InputSource("c.csv.gz", Path.of("c.csv.gz"), 100L << 20);
        InputSource plain = new InputSource("c.csv", Path.of("c.csv"), 100L << 20);
        assertThat(PartitionedPass.partitionsFor(List.of(small))).isEqualTo(2);
        assertThat(PartitionedPass.partitionsFor(List.of(huge))).isEqualTo(1024);
        assertThat(PartitionedPass.partitionsFor(List.of(gz)))
                .as("a gzipped file counts as several times its size")
                .isGreaterThan(PartitionedPass.partitionsFor(List.of(plain)));
    }

    @Test
    void chunksEvaluatedOnSeveralWorkersAreWrittenInTheOrderTheyCame() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            OrderedEvaluation evaluation =
                    new OrderedEvaluation(
                            pool,
                            new WorkerSessions(
                                    Shipped.rules(),
                                    new ArrayList<>(Shipped.facts().engineFacts()),
                                    Shipped.facts().coverage()),
                            2,
                            new AtomicLong());
            Thread producer =
                    new Thread(
                            () -> {
                                try {
                                    for (int i = 0; i < 50; i++) {
                                        Claim claim = new Claim("C" + i, i, List.of(), List.of());
                                        evaluation.submit(
                                                new Chunk(
                                                        i,
                                                        List.of(
                                                                new ClaimParser.ParsedClaim(
                                                                        claim, 0, 0, List.of(),
                                                                        0))));
                                    }
                                    evaluation.finish();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            });
            producer.start();
            List<String> written = new ArrayList<>();
            evaluation.drainTo(outcome -> written.add(outcome.claimId()), new AtomicLong());
            producer.join();
            assertThat(written).hasSize(50).first().isEqualTo("C0");
            assertThat(written).last().isEqualTo("C49");
            for (int i = 0; i < 50; i++) {
                assertThat(written.get(i)).isEqualTo("C" + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
