package com.trackgeek.sync.state;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.RefreshRequested;
import com.trackgeek.contracts.SyncRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The worker's side of the two bookkeeping tables: each sync request's status ({@code sync_request}) and each
 * item's sync state ({@code sync_state}). Every method is one short statement or two, meant to run inside the
 * caller's transaction.
 */
@Component
public class SyncLedger {

    private final JdbcClient jdbc;

    SyncLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Marks the request running. A request that already finished (a redelivery after a crash between the
     * database commit and the offset commit) is not claimed: its recorded outcome is returned instead.
     */
    public Claim claim(SyncRequest request) {
        int claimed = jdbc.sql("""
                        update sync_request
                           set status = 'running', attempts = attempts + 1,
                               started_at = coalesce(started_at, now()), updated_at = now()
                         where id = :id and status in ('queued', 'running')
                        """)
                .param("id", request.requestId())
                .update();
        if (claimed == 1) {
            return Claim.CLAIMED;
        }
        Optional<FinishedRequest> finished = finished(request.requestId());
        if (finished.isPresent()) {
            return new Claim(false, finished.get());
        }
        // A command from a producer that keeps no request row (a bulk producer): record it now. If another
        // request for the item is active, the partial unique index refuses the row; the sync still runs
        // (upserts are idempotent), it is only not reported under this id.
        jdbc.sql("""
                        insert into sync_request (id, media_type, provider_id, kind, lane, status, attempts, started_at)
                        values (:id, :type, :providerId, :kind, :lane, 'running', 1, now())
                        on conflict do nothing
                        """)
                .param("id", request.requestId())
                .param("type", request.item().type().name())
                .param("providerId", request.item().id())
                .param("kind", request instanceof RefreshRequested ? "REFRESH" : "FETCH")
                .param("lane", request.lane().name())
                .update();
        return Claim.CLAIMED;
    }

    private Optional<FinishedRequest> finished(UUID requestId) {
        return jdbc.sql("select status, error_code, error_detail, finished_at from sync_request where id = :id and status in ('done', 'failed')")
                .param("id", requestId)
                .query((rs, row) -> new FinishedRequest(
                        "done".equals(rs.getString("status")),
                        rs.getString("error_code") == null ? null : ErrorCode.valueOf(rs.getString("error_code")),
                        rs.getString("error_detail"),
                        rs.getObject("finished_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** When the item was last stored successfully, if within {@code within}. */
    public Optional<Instant> syncedWithin(MediaKey key, Duration within) {
        return jdbc.sql("""
                        select last_synced_at from sync_state
                         where media_type = :type and provider_id = :id
                           and status in ('pending_embeddings', 'fresh') and last_synced_at > :since
                        """)
                .param("type", key.type().name())
                .param("id", key.id())
                .param("since", OffsetDateTime.now(ZoneOffset.UTC).minus(within))
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .optional();
    }

    /** True when the provider said "not found" for the item within {@code within}. */
    public boolean knownMissingWithin(MediaKey key, Duration within) {
        return jdbc.sql("""
                        select count(*) from sync_state
                         where media_type = :type and provider_id = :id and status = 'failed'
                           and last_error_code = :code and last_failed_at > :since
                        """)
                .param("type", key.type().name())
                .param("id", key.id())
                .param("code", key.type().notFound().name())
                .param("since", OffsetDateTime.now(ZoneOffset.UTC).minus(within))
                .query(Integer.class).single() > 0;
    }

    /** The item is stored; its embedding is pending. */
    public void recordSynced(SyncRequest request) {
        jdbc.sql("""
                        insert into sync_state (media_type, provider_id, status, last_synced_at, attempts, last_request_id)
                        values (:type, :id, 'pending_embeddings', now(), 0, :requestId)
                        on conflict (media_type, provider_id) do update
                           set status = 'pending_embeddings', last_synced_at = now(), last_error_code = null,
                               last_error_detail = null, attempts = 0, last_request_id = excluded.last_request_id,
                               updated_at = now()
                        """)
                .param("type", request.item().type().name())
                .param("id", request.item().id())
                .param("requestId", request.requestId())
                .update();
        finish(request.requestId(), "done", null, null);
    }

    /** The request was answered from what is stored, without a provider call. */
    public void recordAlreadyStored(SyncRequest request) {
        finish(request.requestId(), "done", null, null);
    }

    public void recordFailed(SyncRequest request, ErrorCode code, String detail) {
        jdbc.sql("""
                        insert into sync_state (media_type, provider_id, status, last_error_code, last_error_detail,
                                                last_failed_at, attempts, last_request_id)
                        values (:type, :id, 'failed', :code, :detail, now(), 1, :requestId)
                        on conflict (media_type, provider_id) do update
                           set status = 'failed', last_error_code = excluded.last_error_code,
                               last_error_detail = excluded.last_error_detail, last_failed_at = now(),
                               attempts = sync_state.attempts + 1, last_request_id = excluded.last_request_id,
                               updated_at = now()
                        """)
                .param("type", request.item().type().name())
                .param("id", request.item().id())
                .param("code", code.name())
                .param("detail", detail)
                .param("requestId", request.requestId())
                .update();
        finish(request.requestId(), "failed", code, detail);
    }

    private void finish(UUID requestId, String status, ErrorCode code, String detail) {
        jdbc.sql("""
                        update sync_request
                           set status = :status, error_code = :code, error_detail = :detail,
                               finished_at = now(), updated_at = now()
                         where id = :id
                        """)
                .param("status", status)
                .param("code", code == null ? null : code.name())
                .param("detail", detail)
                .param("id", requestId)
                .update();
    }

    /** Whether this worker should do the sync, or only repeat an outcome already recorded. */
    public record Claim(boolean claimed, FinishedRequest finished) {
        static final Claim CLAIMED = new Claim(true, null);
    }

    /** An outcome already recorded: done, or failed with a code. */
    public record FinishedRequest(boolean done, ErrorCode errorCode, String errorDetail, Instant finishedAt) {
    }
}
