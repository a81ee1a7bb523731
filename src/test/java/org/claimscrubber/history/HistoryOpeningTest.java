package org.claimscrubber.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history opened while the run sets up: handed over, or closed when the run fails first. */
class HistoryOpeningTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);

    @TempDir Path dir;

    private HistoryStore.Options options() {
        return new HistoryStore.Options(dir.resolve("history.db").toString(), null, 400);
    }

    @Test
    void aStoreTheRunNeverTookIsClosedAndTheHistoryIsFreeForTheNextRun() throws Exception {
        HistoryOpening opening = HistoryOpening.start(options(), DAY, "run-1");
        opening.discard(); // the run failed before it took the store
        opening.settle();
        try (Connection next =
                        DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"));
                Statement sql = next.createStatement()) {
            sql.execute("PRAGMA busy_timeout = 0");
            // fails with SQLITE_BUSY while the opened store still holds its transaction
            sql.execute("BEGIN IMMEDIATE");
            sql.execute("ROLLBACK");
        }
    }

    @Test
    void aStoreTheRunTookIsTheRunsToClose() throws Exception {
        HistoryOpening opening = HistoryOpening.start(options(), DAY, "run-1");
        try (HistoryStore store = opening.get()) {
            opening.discard(); // the run's finally: the store is not closed under it
            assertThat(store.lastNights(1)).isEmpty();
            assertThat(store.label()).endsWith("(SQLite, 0 earlier runs)");
        }
    }

    @Test
    void aHistoryThatCannotBeOpenedIsReportedWhenTheRunTakesIt() throws Exception {
        Files.writeString(dir.resolve("history.db"), "claim_id,line\nC1,1\n".repeat(200));
        HistoryOpening opening = HistoryOpening.start(options(), DAY, "run-1");
        assertThatThrownBy(opening::get)
                .isInstanceOf(HistoryException.class)
                .hasMessageStartingWith(
                        "the history " + dir.resolve("history.db") + " cannot be opened:");
    }

    @Test
    void withoutAHistoryThereIsNothingToOpen() throws Exception {
        HistoryOpening opening = HistoryOpening.start(null, DAY, "run-1");
        assertThat(opening.get()).isNull();
        opening.discard();
    }
}
