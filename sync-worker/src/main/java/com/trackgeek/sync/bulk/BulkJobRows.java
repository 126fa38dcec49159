package com.trackgeek.sync.bulk;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.SyncStatus;
import com.trackgeek.contracts.bulk.BulkItemOutcome;
import com.trackgeek.contracts.bulk.BulkJobStatus;
import com.trackgeek.contracts.bulk.BulkSelector;
import com.trackgeek.contracts.bulk.BulkSyncRequested;
import com.trackgeek.sync.provider.IdPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The worker's side of {@code bulk_job} and {@code bulk_job_item} (migration V9, whose comments define the page
 * protocol). Every method is one or two short statements in the caller's transaction. An item's outcome is only
 * ever written over a pending item ({@code outcome is null}): a redelivered batch, a late fetch of a cancelled item
 * or a dead letter never overwrites an outcome, so progress never goes backwards.
 */
@Component
class BulkJobRows {

    private static final String JOB_COLUMNS = """
            select id, selector::text as selector, media_type, status, expanded_through_page,
                   published_through_page, expansion_done, replay_round
              from bulk_job where id = :id""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BulkJobRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A job as the worker needs it; {@code status} is empty for a status this version does not know. */
    record Job(UUID id, BulkSelector selector, MediaType type, Optional<BulkJobStatus> status,
               int expandedThroughPage, int publishedThroughPage, boolean expansionDone, int replayRound) {

        boolean is(BulkJobStatus wanted) {
            return status.filter(wanted::equals).isPresent();
        }

        /** Expanding or running: work for it is still to be done. */
        boolean active() {
            return is(BulkJobStatus.EXPANDING) || is(BulkJobStatus.RUNNING);
        }
    }

    Optional<Job> find(UUID jobId) {
        return jdbc.sql(JOB_COLUMNS).param("id", jobId).query(this::job).optional();
    }

    /** The job, its row locked until the caller's transaction ends (serialises with the API's cancel and replay). */
    Optional<Job> lock(UUID jobId) {
        return jdbc.sql(JOB_COLUMNS + " for update").param("id", jobId).query(this::job).optional();
    }

    /** Records a Kafka producer's job, expanding from now; false when the id is known already. */
    boolean insertFromKafka(BulkSyncRequested command) {
        return jdbc.sql("""
                        insert into bulk_job (id, selector, media_type, requested_by, source, status, requested_at, started_at)
                        values (:id, :selector::jsonb, :type, :requestedBy, 'kafka', :expanding, :requestedAt, now())
                        on conflict do nothing
                        """)
                .param("id", command.jobId())
                .param("selector", json.writeValueAsString(command.selector()))
                .param("type", command.selector().type().name())
                .param("requestedBy", command.requestedBy())
                .param("expanding", BulkJobStatus.EXPANDING.value())
                .param("requestedAt", command.requestedAt().atOffset(ZoneOffset.UTC))
                .update() == 1;
    }

    /** Takes a job the API recorded: queued to expanding; false when it is not queued (any more). */
    boolean claimQueued(UUID jobId) {
        return jdbc.sql("""
                        update bulk_job set status = :expanding, started_at = coalesce(started_at, now()), updated_at = now()
                         where id = :id and status = :queued
                        """)
                .param("expanding", BulkJobStatus.EXPANDING.value())
                .param("queued", BulkJobStatus.QUEUED.value())
                .param("id", jobId)
                .update() == 1;
    }

    /**
     * Records page {@code page} of the job's expansion: its ids as pending items (seq continuing the job's), the
     * page as expanded, and the job running once its last page is in. Runs inside a transaction holding the job's
     * lock ({@link #lock}).
     */
    void recordPage(UUID jobId, int page, IdPage ids) {
        int lastSeq = jdbc.sql("select coalesce(max(seq), 0) from bulk_job_item where job_id = :id")
                .param("id", jobId).query(Integer.class).single();
        jdbc.sql("""
                        insert into bulk_job_item (job_id, provider_id, page, seq)
                        select :id, listed.provider_id, :page, :lastSeq + listed.place
                          from unnest(:ids) with ordinality as listed (provider_id, place)
                        on conflict do nothing
                        """)
                .param("id", jobId)
                .param("page", page)
                .param("lastSeq", lastSeq)
                .param("ids", longs(ids.ids()))
                .update();
        jdbc.sql("""
                        update bulk_job
                           set expanded_through_page = :page, provider_total = coalesce(cast(:total as bigint), provider_total),
                               expansion_done = :done,
                               status = case when :done and status = :expanding then :running else status end,
                               updated_at = now()
                         where id = :id
                        """)
                .param("page", page)
                .param("total", ids.total())
                .param("done", !ids.hasMore())
                .param("expanding", BulkJobStatus.EXPANDING.value())
                .param("running", BulkJobStatus.RUNNING.value())
                .param("id", jobId)
                .update();
    }

    /** The fetches of pages up to {@code page} are in Kafka. */
    void published(UUID jobId, int page) {
        jdbc.sql("""
                        update bulk_job set published_through_page = greatest(published_through_page, :page), updated_at = now()
                         where id = :id
                        """)
                .param("page", page).param("id", jobId).update();
    }

    /** The pending items a page listed, in the job's order. */
    List<Long> pendingOfPage(UUID jobId, int page) {
        return jdbc.sql("select provider_id from bulk_job_item where job_id = :id and page = :page and outcome is null order by seq")
                .param("id", jobId).param("page", page).query(Long.class).list();
    }

    /** The pending items a replay round made pending, in the job's order. */
    List<Long> pendingOfRound(UUID jobId, int round) {
        return jdbc.sql("""
                        select provider_id from bulk_job_item
                         where job_id = :id and replay_round = :round and outcome is null order by seq
                        """)
                .param("id", jobId).param("round", round).query(Long.class).list();
    }

    /** Which of {@code ids} are still pending, in the job's order. */
    List<Long> pendingAmong(UUID jobId, List<Long> ids) {
        return jdbc.sql("select provider_id from bulk_job_item where job_id = :id and provider_id = any(:ids) and outcome is null order by seq")
                .param("id", jobId).param("ids", longs(ids)).query(Long.class).list();
    }

    /** Those of {@code ids} stored by this job whose events Kafka has not acknowledged yet (a crash came between). */
    List<Long> unannouncedAmong(UUID jobId, List<Long> ids) {
        return jdbc.sql("select provider_id from bulk_job_item where job_id = :id and provider_id = any(:ids) and unannounced order by seq")
                .param("id", jobId).param("ids", longs(ids)).query(Long.class).list();
    }

    /** The item's events are acknowledged by Kafka. */
    void announced(UUID jobId, long providerId) {
        jdbc.sql("update bulk_job_item set unannounced = false where job_id = :id and provider_id = :providerId and unannounced")
                .param("id", jobId).param("providerId", providerId).update();
    }

    boolean isPending(UUID jobId, long providerId) {
        return jdbc.sql("select exists (select 1 from bulk_job_item where job_id = :id and provider_id = :providerId and outcome is null)")
                .param("id", jobId).param("providerId", providerId).query(Boolean.class).single();
    }

    /**
     * Locks the item's row until the caller's transaction ends: whoever stores the item holds it, so a duplicate
     * batch waits and then finds the outcome written, and a cancel waits for the item being stored.
     *
     * @return true when the item is still pending
     */
    boolean lockPending(UUID jobId, long providerId) {
        return jdbc.sql("select outcome is null from bulk_job_item where job_id = :id and provider_id = :providerId for update")
                .param("id", jobId).param("providerId", providerId).query(Boolean.class).optional().orElse(false);
    }

    /** @return true when the item was pending and now has its outcome */
    boolean finishItem(UUID jobId, long providerId, BulkItemOutcome outcome, ErrorCode code, String detail) {
        return jdbc.sql("""
                        update bulk_job_item
                           set outcome = :outcome, error_code = :code, error_detail = :detail, finished_at = now(),
                               unannounced = :stored
                         where job_id = :id and provider_id = :providerId and outcome is null
                        """)
                .param("outcome", outcome.value())
                .param("stored", outcome == BulkItemOutcome.STORED)
                .param("code", code == null ? null : code.name())
                .param("detail", detail)
                .param("id", jobId)
                .param("providerId", providerId)
                .update() == 1;
    }

    /** Fails those of {@code ids} that are still pending; @return how many */
    int failPending(UUID jobId, List<Long> ids, ErrorCode code, String detail) {
        return jdbc.sql("""
                        update bulk_job_item
                           set outcome = :failed, error_code = :code, error_detail = :detail, finished_at = now()
                         where job_id = :id and provider_id = any(:ids) and outcome is null
                        """)
                .param("failed", BulkItemOutcome.FAILED.value())
                .param("code", code.name())
                .param("detail", detail)
                .param("id", jobId)
                .param("ids", longs(ids))
                .update();
    }

    /**
     * Fails the job (when it is in one of {@code from}) with why; its pending items whose fetches were never
     * published fail with it, so nothing waits for work nobody will do. Items already published keep going.
     *
     * @return true when this call ended the job
     */
    boolean failJob(UUID jobId, ErrorCode code, String detail, Set<BulkJobStatus> from) {
        jdbc.sql("""
                        update bulk_job_item
                           set outcome = :failed, error_code = :code, error_detail = :detail, finished_at = now()
                         where job_id = :id and outcome is null
                           and page > (select published_through_page from bulk_job
                                        where id = :id and status in (:from))
                        """)
                .param("failed", BulkItemOutcome.FAILED.value())
                .param("code", code.name())
                .param("detail", detail)
                .param("id", jobId)
                .param("from", from.stream().map(BulkJobStatus::value).toList())
                .update();
        return jdbc.sql("""
                        update bulk_job
                           set status = :failed, error_code = :code, error_detail = :detail, finished_at = now(), updated_at = now()
                         where id = :id and status in (:from)
                        """)
                .param("failed", BulkJobStatus.FAILED.value())
                .param("code", code.name())
                .param("detail", detail)
                .param("id", jobId)
                .param("from", from.stream().map(BulkJobStatus::value).toList())
                .update() == 1;
    }

    /**
     * Makes the failed items of earlier rounds pending again for replay round {@code round}.
     *
     * @return how many
     */
    int replay(UUID jobId, int round) {
        return jdbc.sql("""
                        update bulk_job_item
                           set outcome = null, error_code = null, error_detail = null, finished_at = null, replay_round = :round
                         where job_id = :id and outcome = :failed and replay_round < :round
                        """)
                .param("round", round)
                .param("id", jobId)
                .param("failed", BulkItemOutcome.FAILED.value())
                .update();
    }

    /**
     * Those of {@code ids} fully stored (not a search hit) and synced within {@code within}: a bulk job skips them
     * as fresh, without a provider call.
     */
    Set<Long> freshAmong(MediaType type, List<Long> ids, Duration within) {
        return new HashSet<>(jdbc.sql("""
                        select i.provider_id
                          from media_item i
                          join sync_state s on s.media_type = i.media_type and s.provider_id = i.provider_id
                         where i.media_type = :type and i.provider_id = any(:ids) and not i.partial
                           and s.status in (:stored) and s.last_synced_at > :since
                        """)
                .param("type", type.name())
                .param("ids", longs(ids))
                .param("stored", List.of(SyncStatus.PENDING_EMBEDDINGS.value(), SyncStatus.FRESH.value()))
                .param("since", OffsetDateTime.now(ZoneOffset.UTC).minus(within))
                .query(Long.class).list());
    }

    void addProviderCalls(UUID jobId, long calls) {
        if (calls > 0) {
            jdbc.sql("update bulk_job set provider_calls = provider_calls + :calls, updated_at = now() where id = :id")
                    .param("calls", calls).param("id", jobId).update();
        }
    }

    /** Ends a running job whose items are all known and none pending; @return true when this call ended it */
    boolean finishIfDone(UUID jobId) {
        return jdbc.sql("""
                        update bulk_job set status = :done, finished_at = now(), updated_at = now()
                         where id = :id and status = :running and expansion_done
                           and not exists (select 1 from bulk_job_item where job_id = :id and outcome is null)
                        """)
                .param("done", BulkJobStatus.DONE.value())
                .param("running", BulkJobStatus.RUNNING.value())
                .param("id", jobId)
                .update() == 1;
    }

    private Job job(ResultSet rs, int row) throws SQLException {
        return new Job(rs.getObject("id", UUID.class),
                json.readValue(rs.getString("selector"), BulkSelector.class),
                MediaType.valueOf(rs.getString("media_type")),
                BulkJobStatus.parse(rs.getString("status")),
                rs.getInt("expanded_through_page"),
                rs.getInt("published_through_page"),
                rs.getBoolean("expansion_done"),
                rs.getInt("replay_round"));
    }

    private static long[] longs(List<Long> ids) {
        return ids.stream().mapToLong(Long::longValue).toArray();
    }
}
