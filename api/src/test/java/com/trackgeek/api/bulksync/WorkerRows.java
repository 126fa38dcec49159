package com.trackgeek.api.bulksync;

import com.trackgeek.contracts.bulk.BulkItemOutcome;
import com.trackgeek.contracts.bulk.BulkJobStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.UUID;

/**
 * Writes {@code bulk_job} and {@code bulk_job_item} rows as the sync worker would (V9's protocol), so that the
 * API's reading of them can be tested without a worker: times are given as how long before the database's now.
 */
final class WorkerRows {

    private final JdbcClient jdbc;

    WorkerRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A job of a top list of anime, taken by a worker {@code startedAgo} from a Kafka command. */
    UUID job(BulkJobStatus status, Duration startedAgo, boolean expansionDone, Long providerTotal, long providerCalls) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into bulk_job (id, selector, media_type, requested_by, source, status,
                                              expanded_through_page, published_through_page, expansion_done,
                                              provider_total, provider_calls, requested_at, started_at, finished_at)
                        values (:id, '{"kind":"TOP","type":"ANIME","list":"bypopularity"}'::jsonb, 'ANIME',
                                'nightly', 'kafka', :status, 1, 1, :done, :providerTotal, :calls,
                                now() - make_interval(secs => :ago), now() - make_interval(secs => :ago),
                                case when :finished then now() else null end)""")
                .param("id", id)
                .param("status", status.value())
                .param("done", expansionDone)
                .param("providerTotal", providerTotal)
                .param("calls", providerCalls)
                .param("ago", (double) startedAgo.toSeconds())
                .param("finished", status.isFinished())
                .update();
        return id;
    }

    /** {@code count} items from {@code firstId} on, with this outcome (null: pending), finished {@code finishedAgo}. */
    void items(UUID job, long firstId, int count, BulkItemOutcome outcome, Duration finishedAgo) {
        for (int n = 0; n < count; n++) {
            jdbc.sql("""
                            insert into bulk_job_item (job_id, provider_id, page, seq, outcome, error_code, error_detail,
                                                       finished_at)
                            values (:job, :id, 1, :id, :outcome, :code, :detail,
                                    case when :pending then null else now() - make_interval(secs => :ago) end)""")
                    .param("job", job)
                    .param("id", firstId + n)
                    .param("outcome", outcome == null ? null : outcome.value())
                    .param("code", outcome == BulkItemOutcome.FAILED ? "PROVIDER_PAYLOAD_INVALID" : null)
                    .param("detail", outcome == BulkItemOutcome.FAILED ? "no title in item " + (firstId + n) : null)
                    .param("pending", outcome == null)
                    .param("ago", finishedAgo == null ? 0.0 : (double) finishedAgo.toSeconds())
                    .update();
        }
    }

    String status(UUID job) {
        return jdbc.sql("select status from bulk_job where id = :id").param("id", job).query(String.class).single();
    }

    int replayRound(UUID job) {
        return jdbc.sql("select replay_round from bulk_job where id = :id").param("id", job).query(Integer.class).single();
    }

    /** Items of the job with this outcome, or {@code pending}. */
    long countItems(UUID job, String outcome) {
        return jdbc.sql("select count(*) from bulk_job_item where job_id = :id and coalesce(outcome, 'pending') = :outcome")
                .param("id", job)
                .param("outcome", outcome)
                .query(Long.class)
                .single();
    }
}
