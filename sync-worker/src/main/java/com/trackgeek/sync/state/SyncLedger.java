package com.trackgeek.sync.state;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.RequestKind;
import com.trackgeek.contracts.RequestStatus;
import com.trackgeek.contracts.SyncRequest;
import com.trackgeek.contracts.SyncStatus;
import com.trackgeek.contracts.catalog.CatalogItem;
import com.trackgeek.servicekit.items.MediaItemStore;
import com.trackgeek.sync.freshness.FreshnessPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The worker's side of the two bookkeeping tables: each sync request's status ({@code sync_request}) and each
 * item's sync state ({@code sync_state}). Every method is one short statement or two, meant to run inside the
 * caller's transaction. Statuses and codes are the contracts' enums; what is read back is parsed leniently, so
 * a value written by a newer version never stops this one.
 */
@Component
public class SyncLedger {

    private static final List<String> ACTIVE = statuses(true);
    private static final List<String> FINISHED = statuses(false);

    private final JdbcClient jdbc;
    private final FreshnessPolicy freshness;
    private final Clock clock;

    SyncLedger(JdbcClient jdbc, FreshnessPolicy freshness, Clock clock) {
        this.jdbc = jdbc;
        this.freshness = freshness;
        this.clock = clock;
    }

    /**
     * Marks the request running. A request already running is taken over: its command is delivered again
     * because the worker that ran it died before committing the offset. A request that already finished (a
     * redelivery after a crash between the database commit and the offset commit) is not claimed: its
     * recorded outcome is returned instead.
     */
    public Claim claim(SyncRequest request) {
        int claimed = jdbc.sql("""
                        update sync_request
                           set status = :running, attempts = attempts + 1,
                               started_at = coalesce(started_at, now()), updated_at = now()
                         where id = :id and status in (:active)
                        """)
                .param("running", RequestStatus.RUNNING.value())
                .param("id", request.requestId())
                .param("active", ACTIVE)
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
        insertRequest(request, RequestStatus.RUNNING, null, null);
        return Claim.CLAIMED;
    }

    private Optional<FinishedRequest> finished(UUID requestId) {
        return jdbc.sql("select status, error_code, error_detail, finished_at from sync_request where id = :id and status in (:finished)")
                .param("id", requestId)
                .param("finished", FINISHED)
                .query((rs, row) -> {
                    // The query selects finished statuses only, so parsing cannot come back empty.
                    RequestStatus status = RequestStatus.parse(rs.getString("status")).orElseThrow();
                    OffsetDateTime finishedAt = rs.getObject("finished_at", OffsetDateTime.class);
                    return new FinishedRequest(status,
                            status == RequestStatus.FAILED ? ErrorCode.parse(rs.getString("error_code")) : null,
                            rs.getString("error_detail"),
                            finishedAt == null ? null : finishedAt.toInstant());
                })
                .optional();
    }

    /** When the item was last stored successfully, if within {@code within}. */
    public Optional<Instant> syncedWithin(MediaKey key, Duration within) {
        return jdbc.sql("""
                        select last_synced_at from sync_state
                         where media_type = :type and provider_id = :id
                           and status in (:stored) and last_synced_at > :since
                        """)
                .param("type", key.type().name())
                .param("id", key.id())
                .param("stored", List.of(SyncStatus.PENDING_EMBEDDINGS.value(), SyncStatus.FRESH.value()))
                .param("since", OffsetDateTime.now(ZoneOffset.UTC).minus(within))
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .optional();
    }

    /** True when the provider said "not found" for the item within {@code within}. */
    public boolean knownMissingWithin(MediaKey key, Duration within) {
        return jdbc.sql("""
                        select count(*) from sync_state
                         where media_type = :type and provider_id = :id and status = :failed
                           and last_error_code = :code and last_failed_at > :since
                        """)
                .param("type", key.type().name())
                .param("id", key.id())
                .param("failed", SyncStatus.FAILED.value())
                .param("code", key.type().notFound().name())
                .param("since", OffsetDateTime.now(ZoneOffset.UTC).minus(within))
                .query(Integer.class).single() > 0;
    }

    /** The item is stored ({@code change} is what the store found changed); its embedding is pending. */
    public void recordSynced(SyncRequest request, CatalogItem item, MediaItemStore.Change change) {
        recordItemSynced(item, change, request.requestId());
        finish(request.requestId(), RequestStatus.DONE, null, null);
    }

    /**
     * The item is stored: its embedding is pending, and its freshness starts over. Every way an item is stored
     * (a sync, a refresh, a bulk job's item) comes here, so {@code stale_after} is always set by the policy: a
     * refresh that found nothing changed but score or popularity lengthens the item's unchanged streak (the
     * back-off of old titles), a real change resets it and is remembered as {@code last_changed_at}. An item
     * the provider had deleted ({@code gone}) is alive again.
     *
     * @param workId what stored it, kept as the state's {@code last_request_id} (a request's or a bulk job's id)
     */
    public void recordItemSynced(CatalogItem item, MediaItemStore.Change change, UUID workId) {
        MediaKey key = item.key();
        Instant now = clock.instant();
        int streak = change.real() ? 0 : jdbc.sql("""
                        select unchanged_refreshes from sync_state where media_type = :type and provider_id = :id
                        """)
                .param("type", key.type().name())
                .param("id", key.id())
                .query(Integer.class).optional().map(unchanged -> unchanged + 1).orElse(0);
        jdbc.sql("""
                        insert into sync_state (media_type, provider_id, status, last_synced_at, attempts, last_request_id,
                                                stale_after, unchanged_refreshes, last_changed_at)
                        values (:type, :id, :status, now(), 0, :requestId, :staleAfter, :streak, :now)
                        on conflict (media_type, provider_id) do update
                           set status = excluded.status, last_synced_at = now(), last_error_code = null,
                               last_error_detail = null, attempts = 0, last_request_id = excluded.last_request_id,
                               stale_after = excluded.stale_after, unchanged_refreshes = excluded.unchanged_refreshes,
                               last_changed_at = case when :real then excluded.last_changed_at
                                                      else coalesce(sync_state.last_changed_at, excluded.last_changed_at) end,
                               gone_at = null, updated_at = now()
                        """)
                .param("type", key.type().name())
                .param("id", key.id())
                .param("status", SyncStatus.PENDING_EMBEDDINGS.value())
                .param("requestId", workId)
                .param("staleAfter", utc(freshness.staleAfter(item.lifecycle(), streak, now)))
                .param("streak", streak)
                .param("now", utc(now))
                .param("real", change.real())
                .update();
    }

    /**
     * The provider answered "not found" for an item we hold: the item is kept and marked {@code gone} from the first
     * such answer on; it is no longer refreshed by its rule, only re-checked after {@code gone-recheck}. The request
     * fails with the type's not-found code.
     */
    public void recordGone(SyncRequest request, ErrorCode code, String detail) {
        recordItemGone(request.item(), code, detail, request.requestId());
        finish(request.requestId(), RequestStatus.FAILED, code, detail);
    }

    /**
     * The provider answered "not found" for {@code item}, which we hold: a tombstone (its data is kept, it is
     * re-checked only after {@code gone-recheck}). {@code workId} is the request or bulk job that asked.
     *
     * @return false when the item is not held (no sync state to mark)
     */
    public boolean recordItemGone(MediaKey item, ErrorCode code, String detail, UUID workId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        update sync_state
                           set status = :gone, gone_at = coalesce(gone_at, :now), stale_after = :recheck,
                               last_error_code = :code, last_error_detail = :detail, last_failed_at = now(),
                               last_request_id = :requestId, updated_at = now()
                         where media_type = :type and provider_id = :id
                        """)
                .param("gone", SyncStatus.GONE.value())
                .param("now", utc(now))
                .param("recheck", utc(freshness.goneRecheckAfter(now)))
                .param("code", code.name())
                .param("detail", detail)
                .param("requestId", workId)
                .param("type", item.type().name())
                .param("id", item.id())
                .update() == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The request was answered from what is stored, without a provider call. */
    public void recordAlreadyStored(SyncRequest request) {
        finish(request.requestId(), RequestStatus.DONE, null, null);
    }

    public void recordFailed(SyncRequest request, ErrorCode code, String detail) {
        recordItemFailed(request, code, detail);
        finish(request.requestId(), RequestStatus.FAILED, code, detail);
    }

    /**
     * The request's command was given up on (dead-lettered): the request ends failed with the dead letter's
     * code, unless it had already finished, in which case nothing changes.
     *
     * @return true when this call ended the request, so its failure is still to be announced
     */
    public boolean recordGivenUp(SyncRequest request, ErrorCode code, String reason) {
        int ended = jdbc.sql("""
                        update sync_request
                           set status = :failed, error_code = :code, error_detail = :detail,
                               finished_at = now(), updated_at = now()
                         where id = :id and status in (:active)
                        """)
                .param("failed", RequestStatus.FAILED.value())
                .param("code", code.name())
                .param("detail", reason)
                .param("id", request.requestId())
                .param("active", ACTIVE)
                .update();
        if (ended == 0) {
            boolean known = jdbc.sql("select exists (select 1 from sync_request where id = :id)")
                    .param("id", request.requestId()).query(Boolean.class).single();
            // A command of a producer that keeps no request row, given up on before it was claimed: record it
            // failed so its id can be looked up like any other.
            if (known || insertRequest(request, RequestStatus.FAILED, code, reason) == 0) {
                return false;
            }
        }
        recordItemFailed(request, code, reason);
        return true;
    }

    private void recordItemFailed(SyncRequest request, ErrorCode code, String detail) {
        jdbc.sql("""
                        insert into sync_state (media_type, provider_id, status, last_error_code, last_error_detail,
                                                last_failed_at, attempts, last_request_id)
                        values (:type, :id, :status, :code, :detail, now(), 1, :requestId)
                        on conflict (media_type, provider_id) do update
                           set status = case when sync_state.gone_at is null then excluded.status else :gone end,
                               last_error_code = excluded.last_error_code,
                               last_error_detail = excluded.last_error_detail, last_failed_at = now(),
                               attempts = sync_state.attempts + 1, last_request_id = excluded.last_request_id,
                               stale_after = case when sync_state.stale_after is null then null
                                                  else greatest(sync_state.stale_after, :retryAt) end,
                               updated_at = now()
                        """)
                .param("type", request.item().type().name())
                .param("id", request.item().id())
                .param("status", SyncStatus.FAILED.value())
                .param("gone", SyncStatus.GONE.value())
                .param("retryAt", utc(freshness.failedRetryAfter(clock.instant())))
                .param("code", code.name())
                .param("detail", detail)
                .param("requestId", request.requestId())
                .update();
    }

    private int insertRequest(SyncRequest request, RequestStatus status, ErrorCode code, String detail) {
        boolean finished = !status.isActive();
        return jdbc.sql("""
                        insert into sync_request (id, media_type, provider_id, kind, lane, status, error_code, error_detail,
                                                  attempts, started_at, finished_at)
                        values (:id, :type, :providerId, :kind, :lane, :status, :code, :detail,
                                :attempts, now(), case when :finished then now() end)
                        on conflict do nothing
                        """)
                .param("id", request.requestId())
                .param("type", request.item().type().name())
                .param("providerId", request.item().id())
                .param("kind", RequestKind.of(request).name())
                .param("lane", request.lane().name())
                .param("status", status.value())
                .param("code", code == null ? null : code.name())
                .param("detail", detail)
                .param("attempts", status == RequestStatus.RUNNING ? 1 : 0)
                .param("finished", finished)
                .update();
    }

    private void finish(UUID requestId, RequestStatus status, ErrorCode code, String detail) {
        jdbc.sql("""
                        update sync_request
                           set status = :status, error_code = :code, error_detail = :detail,
                               finished_at = now(), updated_at = now()
                         where id = :id
                        """)
                .param("status", status.value())
                .param("code", code == null ? null : code.name())
                .param("detail", detail)
                .param("id", requestId)
                .update();
    }

    private static List<String> statuses(boolean active) {
        return Arrays.stream(RequestStatus.values()).filter(status -> status.isActive() == active).map(RequestStatus::value).toList();
    }

    /** Whether this worker should do the sync, or only repeat an outcome already recorded. */
    public record Claim(boolean claimed, FinishedRequest finished) {
        static final Claim CLAIMED = new Claim(true, null);
    }

    /**
     * An outcome already recorded: done, or failed with a code ({@link ErrorCode#UNKNOWN} for a code this
     * version does not know, or none).
     */
    public record FinishedRequest(RequestStatus status, ErrorCode errorCode, String errorDetail, Instant finishedAt) {

        public boolean done() {
            return status == RequestStatus.DONE;
        }
    }
}
