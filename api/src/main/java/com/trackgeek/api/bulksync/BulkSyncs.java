package com.trackgeek.api.bulksync;

import com.trackgeek.api.problem.ApiException;
import com.trackgeek.api.quota.ClientQuota;
import com.trackgeek.api.quota.QuotaRoute;
import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.bulk.BulkJobStatus;
import com.trackgeek.contracts.bulk.BulkSelector;
import com.trackgeek.contracts.bulk.BulkSyncRequested;
import com.trackgeek.contracts.bulk.BulkWork;
import com.trackgeek.servicekit.PipelineUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Bulk jobs as the API offers them: started (recorded, then published), watched, cancelled and replayed. The
 * work itself is the sync worker's; here a job is only ever recorded before its command goes out, so a 202 means
 * the job is both in PostgreSQL and in Kafka, and a refusal leaves nothing behind.
 */
@Component
final class BulkSyncs {

    private static final Logger log = LoggerFactory.getLogger(BulkSyncs.class);
    private static final Duration PIPELINE_RETRY_AFTER = Duration.ofSeconds(5);

    /** What a caller's request did, counted by {@code trackgeek.api.bulk-syncs}. */
    enum Action { CREATED, REPEATED, ID_CONFLICT, CANCELLED, REPLAYED, PUBLISH_FAILED }

    /** @param created false when the job existed already with the same selector */
    record Started(BulkJobView view, boolean created) {
    }

    private final BulkJobs jobs;
    private final BulkSyncPublisher publisher;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final MeterRegistry registry;
    private final ClientQuota quota;

    BulkSyncs(BulkJobs jobs, BulkSyncPublisher publisher, TransactionTemplate transactions, JsonMapper json,
              MeterRegistry registry, ClientQuota quota) {
        this.quota = quota;
        this.jobs = jobs;
        this.publisher = publisher;
        this.transactions = transactions;
        this.json = json;
        this.registry = registry;
    }

    /**
     * Records a new job {@code queued} and publishes its command; or, for an id already taken, answers the job
     * if it has the same selector (a retried POST) and refuses it otherwise.
     */
    Started start(UUID requestedId, BulkSelector selector, String requestedBy) {
        UUID id = requestedId == null ? UUID.randomUUID() : requestedId;
        var command = BulkSyncRequested.of(id, selector, requestedBy, Instant.now());
        if (requestedId == null || !jobs.exists(id)) {
            // A new job spends provider budget (one token, whatever its size: the bulk lane's share of each provider's
            // budget bounds its pace); a retried POST of an existing job starts nothing and costs nothing.
            quota.spend(QuotaRoute.BULK_SYNC);
        }
        if (jobs.insertQueued(command, json.writerFor(BulkSelector.class).writeValueAsString(selector))) {
            publishNew(command);
            count(Action.CREATED, selector);
            return new Started(describe(id).orElseThrow(), true);
        }
        // Gone again only if a concurrent POST of the same id could not publish it: nothing exists, as for it.
        BulkJobRow existing = jobs.find(id).orElseThrow(() -> unpublished(id));
        if (!selector.equals(read(existing.selectorJson()).orElse(null))) {
            count(Action.ID_CONFLICT, selector);
            throw ApiException.of(ErrorCode.BULK_JOB_ID_CONFLICT, "The bulk job " + id + " exists with another"
                    + " selector (" + existing.selectorJson() + "); a job id names one selector for good.");
        }
        count(Action.REPEATED, selector);
        return new Started(view(existing), false);
    }

    Optional<BulkJobView> describe(UUID id) {
        return jobs.find(id).map(this::view);
    }

    BulkJobList list(BulkJobStatus status, Paging paging) {
        return new BulkJobList(jobs.list(status, paging.page(), paging.size()).stream().map(this::view).toList(),
                paging.page(), paging.size(), jobs.count(status));
    }

    BulkItemList items(UUID id, ItemFilter filter, Paging paging) {
        if (!jobs.exists(id)) {
            throw notFound(id);
        }
        return new BulkItemList(jobs.items(id, filter, paging.page(), paging.size()), paging.page(), paging.size(),
                jobs.countItems(id, filter));
    }

    /**
     * Stops a job: it ends {@code cancelled} and its pending items too, in one transaction that holds the job's
     * row, so a page the worker records meanwhile waits for it. A job cancelled already is answered as it is.
     */
    BulkJobView cancel(UUID id) {
        transactions.executeWithoutResult(transaction -> {
            String status = jobs.lockStatus(id).orElseThrow(() -> notFound(id));
            if (BulkJobStatus.CANCELLED.value().equals(status)) {
                return;
            }
            if (!jobs.cancel(id)) {
                throw ApiException.of(ErrorCode.BULK_JOB_STATE_CONFLICT, "The bulk job " + id + " is " + status
                        + " already; only a queued, expanding or running job can be cancelled.");
            }
            int items = jobs.cancelPendingItems(id);
            log.info("Bulk job {} cancelled ({} pending items)", id, items);
        });
        count(Action.CANCELLED, null);
        return describe(id).orElseThrow(() -> notFound(id));
    }

    /**
     * Replays the job's failed items: raises its replay round and publishes the replay in one transaction, so a
     * replay Kafka did not take leaves the job as it was (and the caller a 503).
     */
    BulkJobView retryFailed(UUID id) {
        if (jobs.hasFailedItems(id)) {
            // Outside the transaction (the quota takes a connection of its own); a replay refused below costs the token.
            quota.spend(QuotaRoute.BULK_REPLAY);
        }
        transactions.executeWithoutResult(transaction -> {
            String status = jobs.lockStatus(id).orElseThrow(() -> notFound(id));
            if (!BulkJobStatus.RUNNING.value().equals(status) && !BulkJobStatus.DONE.value().equals(status)) {
                throw ApiException.of(ErrorCode.BULK_JOB_STATE_CONFLICT, "The bulk job " + id + " is " + status
                        + "; failed items are replayed while a job is running or once it is done.");
            }
            if (!jobs.hasFailedItems(id)) {
                throw ApiException.of(ErrorCode.BULK_JOB_STATE_CONFLICT, "The bulk job " + id
                        + " has no failed item to replay.");
            }
            int round = jobs.startReplay(id).orElseThrow(() -> notFound(id));
            try {
                publisher.publish(BulkWork.ReplayFailed.of(id, round, Instant.now()));
            } catch (PipelineUnavailableException e) {
                log.warn("Replay {} of bulk job {} not published: {}", round, id, e.getMessage());
                count(Action.PUBLISH_FAILED, null);
                throw unpublished(id);
            }
        });
        count(Action.REPLAYED, null);
        return describe(id).orElseThrow(() -> notFound(id));
    }

    private void publishNew(BulkSyncRequested command) {
        try {
            publisher.publish(command);
        } catch (PipelineUnavailableException e) {
            log.warn("Bulk job {} not published: {}", command.jobId(), e.getMessage());
            count(Action.PUBLISH_FAILED, command.selector());
            try {
                jobs.deleteUnpublished(command.jobId());
            } catch (DataAccessException deleteFailed) {
                log.warn("Could not delete the unpublished bulk job {}: it stays queued", command.jobId(), deleteFailed);
            }
            throw unpublished(command.jobId());
        }
    }

    private BulkJobView view(BulkJobRow row) {
        return BulkJobView.of(row, json.readTree(row.selectorJson()));
    }

    /** Empty for a selector this version cannot read (a newer producer's). */
    private Optional<BulkSelector> read(String selectorJson) {
        try {
            return Optional.of(json.readValue(selectorJson, BulkSelector.class));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private void count(Action action, BulkSelector selector) {
        Counter.builder("trackgeek.api.bulk-syncs")
                .description("Bulk sync requests by what they did: created, repeated (same id and selector),"
                        + " id_conflict, cancelled, replayed, publish_failed")
                .tag("action", action.name().toLowerCase(Locale.ROOT))
                .tag("type", selector == null ? "any" : selector.type().name())
                .register(registry)
                .increment();
    }

    private static ApiException notFound(UUID id) {
        return ApiException.of(ErrorCode.BULK_JOB_NOT_FOUND, "No bulk job has the id " + id + ".");
    }

    private static ApiException unpublished(UUID id) {
        return ApiException.of(ErrorCode.PIPELINE_UNAVAILABLE, "The sync pipeline did not accept the bulk job "
                + id + "; nothing was started. Try again shortly.").retryAfter(PIPELINE_RETRY_AFTER);
    }
}
