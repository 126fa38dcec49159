package com.trackgeek.api.syncrequest;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.RequestKind;
import com.trackgeek.contracts.RequestStatus;
import com.trackgeek.contracts.SyncLane;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code sync_request} table. The partial unique index on (media_type, provider_id) for unfinished rows
 * is what lets any number of callers on any number of instances agree on one request per item. Every
 * conditional update here touches {@code updated_at}: that is how exactly one instance wins each claim.
 */
@Component
final class SyncRequests {

    private static final String COLUMNS = """
            id, media_type, provider_id, kind, lane, status, error_code, error_detail, attempts,
            created_at, started_at, finished_at, updated_at""";

    private static final List<String> ACTIVE = Arrays.stream(RequestStatus.values())
            .filter(RequestStatus::isActive).map(RequestStatus::value).toList();

    private static final RowMapper<SyncRequestRow> ROW = SyncRequests::map;

    private final JdbcClient jdbc;

    SyncRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a queued interactive fetch unless the item already has an active request; true if inserted. */
    boolean insertQueuedFetch(UUID id, MediaKey item) {
        return insertQueued(id, item, RequestKind.FETCH, SyncLane.INTERACTIVE);
    }

    /** Inserts a queued request unless the item already has an active request; true if inserted. */
    boolean insertQueued(UUID id, MediaKey item, RequestKind kind, SyncLane lane) {
        // No conflict target: the only possible conflict is the partial unique index of active requests.
        return jdbc.sql("""
                        insert into sync_request (id, media_type, provider_id, kind, lane, status)
                        values (:id, :type, :providerId, :kind, :lane, :queued)
                        on conflict do nothing""")
                .param("id", id)
                .param("type", item.type().name())
                .param("providerId", item.id())
                .param("kind", kind.name())
                .param("lane", lane.name())
                .param("queued", RequestStatus.QUEUED.value())
                .update() == 1;
    }

    /**
     * Removes a request whose command Kafka refused, while it is still queued: nobody was promised anything
     * about it (a background refresh), so the next reader of its item may try again.
     */
    void deleteQueued(UUID id) {
        jdbc.sql("delete from sync_request where id = :id and status = :queued")
                .param("id", id)
                .param("queued", RequestStatus.QUEUED.value())
                .update();
    }

    Optional<SyncRequestRow> findActive(MediaKey item) {
        return jdbc.sql("select " + COLUMNS + """
                         from sync_request
                        where media_type = :type and provider_id = :providerId and status in (:active)""")
                .param("type", item.type().name())
                .param("providerId", item.id())
                .param("active", ACTIVE)
                .query(ROW)
                .optional();
    }

    Optional<SyncRequestRow> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from sync_request where id = :id")
                .param("id", id)
                .query(ROW)
                .optional();
    }

    List<SyncRequestRow> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from sync_request where id in (:ids)")
                .param("ids", ids)
                .query(ROW)
                .list();
    }

    /** Gives up a request nobody will work on because its command never reached Kafka. */
    void markFailed(UUID id, ErrorCode code, String detail) {
        jdbc.sql("""
                        update sync_request
                           set status = :failed, error_code = :code, error_detail = :detail,
                               finished_at = now(), updated_at = now()
                         where id = :id and status = :queued""")
                .param("id", id)
                .param("failed", RequestStatus.FAILED.value())
                .param("queued", RequestStatus.QUEUED.value())
                .param("code", code.name())
                .param("detail", detail)
                .update();
    }

    /** Requests in {@code status} whose last touch is older than {@code age}, oldest first. */
    List<SyncRequestRow> findUntouched(RequestStatus status, Duration age, int limit) {
        return jdbc.sql("select " + COLUMNS + " from sync_request"
                        + " where status = :status and updated_at < now() - make_interval(secs => :seconds)"
                        + " order by updated_at limit :limit")
                .param("status", status.value())
                .param("seconds", seconds(age))
                .param("limit", limit)
                .query(ROW)
                .list();
    }

    /**
     * Claims the right to publish an overdue queued request's command again, on its own lane; like
     * {@link #claimInteractivePublish}, touching {@code updated_at} lets exactly one instance win.
     */
    boolean claimRepublish(UUID id, Duration requeueAfter) {
        return jdbc.sql("update sync_request set updated_at = now()"
                        + " where id = :id and status = :queued and updated_at < now() - make_interval(secs => :seconds)")
                .param("id", id)
                .param("queued", RequestStatus.QUEUED.value())
                .param("seconds", seconds(requeueAfter))
                .update() == 1;
    }

    /**
     * Claims the right to publish a still-queued request's command on the interactive lane, because a person
     * now waits for it (it was on the bulk lane) or because it has been queued suspiciously long (its command
     * may never have been published). Touching {@code updated_at} makes the claim: of many concurrent joiners,
     * on any instance, one wins, and nobody claims again before {@code requeueAfter} has passed.
     */
    boolean claimInteractivePublish(UUID id, Duration requeueAfter) {
        return jdbc.sql("""
                        update sync_request
                           set lane = :interactive, updated_at = now()
                         where id = :id and status = :queued
                           and (lane = :bulk or updated_at < now() - make_interval(secs => :seconds))""")
                .param("id", id)
                .param("interactive", SyncLane.INTERACTIVE.name())
                .param("bulk", SyncLane.BULK.name())
                .param("queued", RequestStatus.QUEUED.value())
                .param("seconds", seconds(requeueAfter))
                .update() == 1;
    }

    /**
     * Claims the right to hand a request that has been running too long to a worker again: still running,
     * untouched for {@code runningTimeout} (a worker's claim touches it), and started at most
     * {@code maxTakeovers} times, so that this takeover is one of the allowed ones.
     */
    boolean claimTakeover(UUID id, Duration runningTimeout, int maxTakeovers) {
        return jdbc.sql("""
                        update sync_request set updated_at = now()
                         where id = :id and status = :running and attempts <= :maxTakeovers
                           and updated_at < now() - make_interval(secs => :seconds)""")
                .param("id", id)
                .param("running", RequestStatus.RUNNING.value())
                .param("maxTakeovers", maxTakeovers)
                .param("seconds", seconds(runningTimeout))
                .update() == 1;
    }

    /**
     * Fails a request that has been running too long although it was already taken over {@code maxTakeovers}
     * times, so that the next read of its item starts a new one; true for the one instance that did it.
     */
    boolean failTimedOut(UUID id, Duration runningTimeout, int maxTakeovers, String detail) {
        return jdbc.sql("""
                        update sync_request
                           set status = :failed, error_code = :code, error_detail = :detail,
                               finished_at = now(), updated_at = now()
                         where id = :id and status = :running and attempts > :maxTakeovers
                           and updated_at < now() - make_interval(secs => :seconds)""")
                .param("id", id)
                .param("failed", RequestStatus.FAILED.value())
                .param("running", RequestStatus.RUNNING.value())
                .param("code", ErrorCode.SYNC_TIMED_OUT.name())
                .param("detail", detail)
                .param("maxTakeovers", maxTakeovers)
                .param("seconds", seconds(runningTimeout))
                .update() == 1;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static SyncRequestRow map(ResultSet rs, int rowNumber) throws SQLException {
        String status = rs.getString("status");
        return new SyncRequestRow(
                rs.getObject("id", UUID.class),
                MediaKey.of(MediaType.valueOf(rs.getString("media_type")), rs.getLong("provider_id")),
                RequestKind.valueOf(rs.getString("kind")),
                SyncLane.valueOf(rs.getString("lane")),
                // The table's check constraint allows only the four statuses this version knows.
                RequestStatus.parse(status).orElseThrow(() ->
                        new IllegalStateException("sync_request.status '" + status + "' is unknown to this version")),
                rs.getString("error_code"),
                rs.getString("error_detail"),
                rs.getInt("attempts"),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
