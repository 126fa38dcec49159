package com.trackgeek.faults;

import com.trackgeek.contracts.bulk.BulkJobStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk job as someone watching it sees it, looked at five times a second from its start to its end, across the
 * fault: its progress must never go backwards (no finished item counted again or forgotten, no status going back),
 * whatever was killed or restarted meanwhile.
 */
final class JobProgress implements AutoCloseable {

    private final List<Ledger.BulkState> seen = new ArrayList<>();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();

    private JobProgress(Ledger ledger, UUID job) {
        watcher.scheduleWithFixedDelay(() -> look(ledger, job), 0, 200, TimeUnit.MILLISECONDS);
    }

    static JobProgress watch(Ledger ledger, UUID job) {
        return new JobProgress(ledger, job);
    }

    private void look(Ledger ledger, UUID job) {
        try {
            Ledger.BulkState state = ledger.bulk(job);
            synchronized (seen) {
                seen.add(state);
            }
        } catch (RuntimeException databaseAway) {
            // A PostgreSQL restart: nobody sees the job meanwhile, which is no step back.
        }
    }

    /** Every look was at least as far as the one before it. */
    void assertNeverWentBack() {
        List<Ledger.BulkState> looks;
        synchronized (seen) {
            looks = List.copyOf(seen);
        }
        assertThat(looks).as("looks at the job").hasSizeGreaterThan(1);
        for (int i = 1; i < looks.size(); i++) {
            Ledger.BulkState before = looks.get(i - 1);
            Ledger.BulkState after = looks.get(i);
            assertThat(after.finished()).as("finished items, %s then %s", before, after).isGreaterThanOrEqualTo(before.finished());
            assertThat(after.items()).as("known items, %s then %s", before, after).isGreaterThanOrEqualTo(before.items());
            assertThat(stage(after)).as("status, %s then %s", before, after).isGreaterThanOrEqualTo(stage(before));
        }
    }

    int looks() {
        synchronized (seen) {
            return seen.size();
        }
    }

    /** Where the status stands in a job's life; a job not recorded yet comes first. */
    private static int stage(Ledger.BulkState state) {
        return state.status() == null ? -1 : BulkJobStatus.parse(state.status()).map(Enum::ordinal).orElseThrow();
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
