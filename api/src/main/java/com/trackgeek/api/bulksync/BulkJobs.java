package com.trackgeek.api.bulksync;

import com.trackgeek.contracts.bulk.BulkItemOutcome;
import com.trackgeek.contracts.bulk.BulkJobStatus;
import com.trackgeek.contracts.bulk.BulkSelector;
import com.trackgeek.contracts.bulk.BulkSyncRequested;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The API's reads and writes of {@code bulk_job} and {@code bulk_job_item} (V9). The API writes a job only where
 * the worker cannot race it into an inconsistent state: it inserts a job {@code queued} (the worker claims it
 * {@code queued -> expanding}), deletes it again while still {@code queued} when Kafka refused its command,
 * touches it while still {@code queued} to publish its command again, cancels it, and raises its replay round. Item outcomes are the worker's, except {@code cancelled}: the worker
 * writes an outcome only over a pending item, under the item's row lock, so a cancel and a fetch never both win.
 */
@Component
final class BulkJobs {

    /** Statuses from which a job can still be cancelled. */
    private static final List<String> UNFINISHED = List.of(BulkJobStatus.QUEUED.value(),
            BulkJobStatus.EXPANDING.value(), BulkJobStatus.RUNNING.value());

    /** A job and its progress figures, one row per job, the figures all read in one snapshot. */
    private static final String SELECT = """
            select j.id, j.selector::text as selector, j.media_type, j.status, j.source, j.requested_by,
                   j.requested_at, j.created_at, j.started_at, j.finished_at, j.expansion_done, j.provider_total,
                   j.provider_calls, j.replay_round, j.error_code, j.error_detail,
                   c.total, c.pending, c.stored, c.unchanged, c.skipped_fresh, c.not_found, c.failed, c.cancelled,
                   r.recent, w.window_start, w.window_end, now() as now
              from bulk_job j
             cross join lateral (
                   select count(*) as total,
                          count(*) filter (where i.outcome is null) as pending,
                          count(*) filter (where i.outcome = 'stored') as stored,
                          count(*) filter (where i.outcome = 'unchanged') as unchanged,
                          count(*) filter (where i.outcome = 'skipped_fresh') as skipped_fresh,
                          count(*) filter (where i.outcome = 'not_found') as not_found,
                          count(*) filter (where i.outcome = 'failed') as failed,
                          count(*) filter (where i.outcome = 'cancelled') as cancelled
                     from bulk_job_item i
                    where i.job_id = j.id) c
             cross join lateral (
                   select coalesce(j.finished_at, now()) as window_end,
                          greatest(coalesce(j.finished_at, now()) - make_interval(secs => :window), j.started_at)
                              as window_start) w
             cross join lateral (
                   select count(*) as recent
                     from bulk_job_item i
                    where i.job_id = j.id and i.finished_at >= w.window_start and i.finished_at <= w.window_end
                      and i.outcome <> 'cancelled') r
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final double windowSeconds;

    BulkJobs(JdbcClient jdbc, JsonMapper json, BulkSyncProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.windowSeconds = seconds(properties.rateWindow());
    }

    /** Records the job an API caller asked for, {@code queued}; false when a job has the id already. */
    boolean insertQueued(BulkSyncRequested command, String selectorJson) {
        return jdbc.sql("""
                        insert into bulk_job (id, selector, media_type, requested_by, source, status, requested_at)
                        values (:id, :selector::jsonb, :type, :requestedBy, 'api', :queued, :requestedAt)
                        on conflict (id) do nothing""")
                .param("id", command.jobId())
                .param("selector", selectorJson)
                .param("type", command.selector().type().name())
                .param("requestedBy", command.requestedBy())
                .param("queued", BulkJobStatus.QUEUED.value())
                .param("requestedAt", OffsetDateTime.ofInstant(command.requestedAt(), ZoneOffset.UTC))
                .update() == 1;
    }

    /** Forgets a job whose command Kafka did not take: nobody will ever work on it. */
    void deleteUnpublished(UUID id) {
        jdbc.sql("delete from bulk_job where id = :id and status = :queued and source = 'api'")
                .param("id", id)
                .param("queued", BulkJobStatus.QUEUED.value())
                .update();
    }

    /** API jobs still queued {@code age} after they were recorded or last published, oldest first. */
    List<UUID> findUnclaimed(Duration age, int limit) {
        return jdbc.sql("""
                        select id from bulk_job
                         where status = :queued and source = 'api' and updated_at < now() - make_interval(secs => :seconds)
                         order by updated_at limit :limit""")
                .param("queued", BulkJobStatus.QUEUED.value())
                .param("seconds", seconds(age))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /**
     * Claims the right to publish an unclaimed job's command again: touching {@code updated_at} lets exactly one
     * instance win, and nobody claims it again before {@code age} has passed. The command, as first published.
     */
    Optional<BulkSyncRequested> claimRepublish(UUID id, Duration age) {
        return jdbc.sql("""
                        update bulk_job set updated_at = now()
                         where id = :id and status = :queued and source = 'api'
                           and updated_at < now() - make_interval(secs => :seconds)
                        returning selector::text as selector, requested_by, requested_at""")
                .param("id", id)
                .param("queued", BulkJobStatus.QUEUED.value())
                .param("seconds", seconds(age))
                .query((rs, n) -> BulkSyncRequested.of(id, json.readValue(rs.getString("selector"), BulkSelector.class),
                        rs.getString("requested_by"), instant(rs, "requested_at")))
                .optional();
    }

    Optional<BulkJobRow> find(UUID id) {
        return jdbc.sql(SELECT + " where j.id = :id")
                .param("window", windowSeconds)
                .param("id", id)
                .query(BulkJobs::map)
                .optional();
    }

    boolean exists(UUID id) {
        return jdbc.sql("select exists (select 1 from bulk_job where id = :id)")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    /** Newest first; {@code status} null for every status. */
    List<BulkJobRow> list(BulkJobStatus status, int page, int size) {
        var statement = jdbc.sql(SELECT + (status == null ? "" : " where j.status = :status")
                        + " order by j.created_at desc, j.id limit :size offset :offset")
                .param("window", windowSeconds)
                .param("size", size)
                .param("offset", (long) page * size);
        if (status != null) {
            statement = statement.param("status", status.value());
        }
        return statement.query(BulkJobs::map).list();
    }

    long count(BulkJobStatus status) {
        if (status == null) {
            return jdbc.sql("select count(*) from bulk_job").query(Long.class).single();
        }
        return jdbc.sql("select count(*) from bulk_job where status = :status")
                .param("status", status.value())
                .query(Long.class)
                .single();
    }

    /**
     * A job's items in the order it listed them; {@code outcome} empty for every item, {@code pending} for those
     * without an outcome.
     */
    List<BulkItemView> items(UUID id, ItemFilter filter, int page, int size) {
        return filter.apply(jdbc.sql("select provider_id, outcome, error_code, error_detail, finished_at"
                        + " from bulk_job_item where job_id = :id" + filter.condition()
                        + " order by page, seq limit :size offset :offset"))
                .param("id", id)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new BulkItemView(rs.getLong("provider_id"), rs.getString("outcome"),
                        rs.getString("error_code"), rs.getString("error_detail"), instant(rs, "finished_at")))
                .list();
    }

    long countItems(UUID id, ItemFilter filter) {
        return filter.apply(jdbc.sql("select count(*) from bulk_job_item where job_id = :id" + filter.condition()))
                .param("id", id)
                .query(Long.class)
                .single();
    }

    /** The job's status, its row locked until the transaction ends; empty for an unknown job. */
    Optional<String> lockStatus(UUID id) {
        return jdbc.sql("select status from bulk_job where id = :id for update")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    /** Ends an unfinished job as cancelled; true if it was unfinished. */
    boolean cancel(UUID id) {
        return jdbc.sql("""
                        update bulk_job set status = :cancelled, finished_at = now(), updated_at = now()
                         where id = :id and status in (:unfinished)""")
                .param("id", id)
                .param("cancelled", BulkJobStatus.CANCELLED.value())
                .param("unfinished", UNFINISHED)
                .update() == 1;
    }

    /** Every item still pending becomes {@code cancelled}: one statement, so no batch finds half of them. */
    int cancelPendingItems(UUID id) {
        return jdbc.sql("""
                        update bulk_job_item set outcome = :cancelled, finished_at = now()
                         where job_id = :id and outcome is null""")
                .param("id", id)
                .param("cancelled", BulkItemOutcome.CANCELLED.value())
                .update();
    }

    boolean hasFailedItems(UUID id) {
        return jdbc.sql("select exists (select 1 from bulk_job_item where job_id = :id and outcome = :failed)")
                .param("id", id)
                .param("failed", BulkItemOutcome.FAILED.value())
                .query(Boolean.class)
                .single();
    }

    /** Raises the job's replay round and sets it running again; the new round, empty for an unknown job. */
    OptionalInt startReplay(UUID id) {
        return jdbc.sql("""
                        update bulk_job
                           set replay_round = replay_round + 1, status = :running, finished_at = null,
                               updated_at = now()
                         where id = :id
                        returning replay_round""")
                .param("id", id)
                .param("running", BulkJobStatus.RUNNING.value())
                .query(Integer.class)
                .optional()
                .map(OptionalInt::of)
                .orElse(OptionalInt.empty());
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static BulkJobRow map(ResultSet rs, int rowNumber) throws SQLException {
        long providerTotal = rs.getLong("provider_total");
        Long total = rs.wasNull() ? null : providerTotal;
        return new BulkJobRow(
                rs.getObject("id", UUID.class),
                rs.getString("selector"),
                rs.getString("media_type"),
                rs.getString("status"),
                rs.getString("source"),
                rs.getString("requested_by"),
                instant(rs, "requested_at"),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                rs.getBoolean("expansion_done"),
                total,
                rs.getLong("provider_calls"),
                rs.getInt("replay_round"),
                rs.getString("error_code"),
                rs.getString("error_detail"),
                rs.getLong("total"),
                rs.getLong("pending"),
                rs.getLong("stored"),
                rs.getLong("unchanged"),
                rs.getLong("skipped_fresh"),
                rs.getLong("not_found"),
                rs.getLong("failed"),
                rs.getLong("cancelled"),
                rs.getLong("recent"),
                instant(rs, "window_start"),
                instant(rs, "window_end"),
                instant(rs, "now"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
