package com.trackgeek.sync.bulk;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.MediaType;
import com.trackgeek.contracts.Provider;
import com.trackgeek.contracts.bulk.BulkItemOutcome;
import com.trackgeek.contracts.bulk.BulkJobStatus;
import com.trackgeek.contracts.bulk.BulkWork;
import com.trackgeek.contracts.catalog.CatalogItem;
import com.trackgeek.servicekit.PipelineUnavailableException;
import com.trackgeek.servicekit.items.MediaItemStore;
import com.trackgeek.servicekit.items.StoredItem;
import com.trackgeek.sync.drift.DriftGuard;
import com.trackgeek.sync.drift.Verdict;
import com.trackgeek.sync.provider.FetchOutcome;
import com.trackgeek.sync.provider.MetadataProvider;
import com.trackgeek.sync.provider.MetadataProviders;
import com.trackgeek.sync.provider.ProviderCallTally;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.sync.provider.StorableItems;
import com.trackgeek.sync.state.SyncLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One batch of a job's items from pending to outcome. Items stored recently are skipped as fresh without a call;
 * the rest are fetched outside any transaction in as few provider calls as the provider allows (one id at a
 * time where it takes one per call, so a cancel takes effect between items). Each item is then stored with its
 * outcome in a transaction of its own that holds the item's row, and only if it is still pending: a batch
 * received twice, or a cancelled item, is never stored twice or over. After the commit a stored item is announced
 * as a sync announces it.
 *
 * <p>A provider outage (its {@code *_SERVICE_UNAVAILABLE}: down, circuit open, budget store unreachable) pauses
 * the job instead of failing its items: the record is retried with the pipeline's outage back-off until the
 * provider answers. A provider that is off or refuses our credentials fails the batch's items with that code;
 * {@code retry-failed} replays them once it is fixed.
 */
@Component
class ItemBatches {

    private static final Logger log = LoggerFactory.getLogger(ItemBatches.class);
    private static final Set<ErrorCode> OUTAGES = Set.copyOf(Arrays.stream(Provider.values())
            .map(Provider::serviceUnavailable).toList());

    private final BulkJobRows rows;
    private final MetadataProviders providers;
    private final MediaItemStore store;
    private final SyncLedger ledger;
    private final BulkWorkPublisher publisher;
    private final TransactionTemplate transactions;
    private final BulkProperties properties;
    private final BulkMetrics metrics;
    private final DriftGuard driftGuard;

    ItemBatches(BulkJobRows rows, MetadataProviders providers, MediaItemStore store, SyncLedger ledger,
                BulkWorkPublisher publisher, TransactionTemplate transactions, BulkProperties properties,
                BulkMetrics metrics, DriftGuard driftGuard) {
        this.rows = rows;
        this.providers = providers;
        this.store = store;
        this.ledger = ledger;
        this.publisher = publisher;
        this.transactions = transactions;
        this.properties = properties;
        this.metrics = metrics;
        this.driftGuard = driftGuard;
    }

    /** A provider's outage: worth waiting for, not worth failing items over. */
    static boolean isOutage(ProviderException failure) {
        return OUTAGES.contains(failure.code());
    }

    void fetch(BulkWork.FetchItems batch) {
        UUID jobId = batch.jobId();
        MediaType type = batch.type();
        // Stored before a crash that came before Kafka acknowledged their events: announce them now.
        for (long id : rows.unannouncedAmong(jobId, batch.ids())) {
            announce(jobId, MediaKey.of(type, id));
        }
        List<Long> pending = rows.pendingAmong(jobId, batch.ids());
        if (!pending.isEmpty()) {
            Provider provider = providers.forType(type).map(MetadataProvider::provider).orElse(null);
            Set<Long> fresh = rows.freshAmong(type, pending, properties.freshFor());
            for (long id : pending) {
                if (fresh.contains(id) && rows.finishItem(jobId, id, BulkItemOutcome.SKIPPED_FRESH, null, null)) {
                    metrics.item(provider, type, BulkItemOutcome.SKIPPED_FRESH);
                }
            }
            List<Long> toFetch = pending.stream().filter(id -> !fresh.contains(id)).toList();
            if (!toFetch.isEmpty()) {
                fetch(jobId, type, toFetch);
            }
        }
        finishCheck(jobId);
    }

    /**
     * Replay round {@code round} of the job's failed items: they become pending again and their fetches go out.
     * The API raises the job's round and publishes this record before it commits: the job's lock waits for that
     * commit, and a round the job does not have (the API rolled back) replays nothing.
     */
    void replay(BulkWork.ReplayFailed replay) {
        UUID jobId = replay.jobId();
        Optional<BulkJobRows.Job> job = transactions.execute(status -> {
            Optional<BulkJobRows.Job> locked = rows.lock(jobId);
            if (locked.isEmpty() || !locked.get().is(BulkJobStatus.RUNNING) || locked.get().replayRound() < replay.round()) {
                return Optional.empty();
            }
            int replayed = rows.replay(jobId, replay.round());
            log.info("Bulk job {}: replay round {} makes {} failed items pending again", jobId, replay.round(), replayed);
            return locked;
        });
        if (job == null || job.isEmpty()) {
            return;
        }
        publisher.fetches(jobId, job.get().type(), rows.pendingOfRound(jobId, replay.round()));
        finishCheck(jobId);
    }

    private void fetch(UUID jobId, MediaType type, List<Long> ids) {
        MetadataProvider provider;
        try {
            provider = providers.ready(type);
        } catch (ProviderException off) {
            failAll(jobId, null, type, ids, off);
            return;
        }
        if (provider.batchSize() > 1) {
            fetchAndRecord(jobId, provider, type, ids);
            return;
        }
        for (long id : ids) {
            if (rows.isPending(jobId, id)) { // cancelled meanwhile: no call
                fetchAndRecord(jobId, provider, type, List.of(id));
            }
        }
    }

    private void fetchAndRecord(UUID jobId, MetadataProvider provider, MediaType type, List<Long> ids) {
        List<FetchOutcome> outcomes;
        try (var tally = ProviderCallTally.open()) {
            try {
                outcomes = provider.fetchSeveral(type, ids);
            } catch (ProviderException failure) {
                if (isOutage(failure)) {
                    throw new PipelineUnavailableException("bulk job " + jobId + " paused: " + failure.getMessage(), failure);
                }
                failAll(jobId, provider.provider(), type, ids, failure);
                return;
            } finally {
                rows.addProviderCalls(jobId, tally.calls());
                metrics.fetchCalls(provider.provider(), type, tally.calls());
            }
        }
        Map<BulkItemOutcome, List<MediaKey>> recorded = new EnumMap<>(BulkItemOutcome.class);
        for (FetchOutcome outcome : outcomes) {
            BulkItemOutcome written = record(jobId, provider.provider(), outcome);
            if (written != null) {
                recorded.computeIfAbsent(written, kind -> new ArrayList<>()).add(outcome.key());
            }
        }
        if (!recorded.isEmpty()) {
            // One line per provider call's batch, naming every item, in the trace of the job (README: Tracing and logs).
            log.info("Bulk job {} from {}: {}", jobId, provider.provider().name().toLowerCase(Locale.ROOT), recorded);
        }
    }

    /** Records the item's outcome; returns it, or null when the item was no longer pending (nothing written). */
    private BulkItemOutcome record(UUID jobId, Provider provider, FetchOutcome fetched) {
        MediaKey key = fetched.key();
        CatalogItem item = fetched.item();
        ErrorCode code = fetched.succeeded() ? null : fetched.failure().code();
        String detail = fetched.succeeded() ? null : fetched.failure().getMessage();
        var unstorable = item == null ? Optional.<ProviderException>empty() : StorableItems.unstorable(provider, key, item);
        if (unstorable.isPresent()) {
            // A provider bug, a body without a title or with one no real item has: storing it would file a wrong or unusable item.
            code = unstorable.get().code();
            detail = unstorable.get().getMessage();
            item = null;
        }
        if (item != null) {
            // A bulk job over items we hold refreshes them: the drift alarm judges it as any refresh.
            CatalogItem stored = store.find(key).filter(held -> !held.partial()).map(StoredItem::item).orElse(null);
            Verdict verdict = driftGuard.check(provider, stored, item);
            if (!verdict.writes()) {
                code = ErrorCode.PROVIDER_DRIFT_REFUSED;
                detail = verdict.refusal(provider);
                item = null;
            }
        }
        BulkItemOutcome failedAs = code == key.type().notFound() ? BulkItemOutcome.NOT_FOUND : BulkItemOutcome.FAILED;
        CatalogItem toStore = item;
        ErrorCode failureCode = code;
        String failureDetail = detail;
        BulkItemOutcome written = transactions.execute(status -> {
            if (!rows.lockPending(jobId, key.id())) {
                return null; // cancelled, or a duplicate batch stored it
            }
            BulkItemOutcome outcome = failedAs;
            if (outcome == BulkItemOutcome.NOT_FOUND && store.isPartial(key).filter(partial -> !partial).isPresent()) {
                // An item we hold that the provider no longer has: a tombstone, as a refresh leaves one.
                ledger.recordItemGone(key, failureCode, failureDetail, jobId);
            }
            if (toStore != null) {
                MediaItemStore.Change change = store.store(toStore);
                outcome = change == MediaItemStore.Change.UNCHANGED ? BulkItemOutcome.UNCHANGED : BulkItemOutcome.STORED;
                ledger.recordItemSynced(toStore, change, jobId);
            }
            rows.finishItem(jobId, key.id(), outcome, toStore == null ? failureCode : null, toStore == null ? failureDetail : null);
            return outcome;
        });
        if (written == null) {
            return null;
        }
        metrics.item(provider, key.type(), written);
        if (written == BulkItemOutcome.STORED) {
            announce(jobId, key);
        }
        return written;
    }

    private void announce(UUID jobId, MediaKey key) {
        publisher.synced(jobId, key);
        rows.announced(jobId, key.id());
    }

    private void failAll(UUID jobId, Provider provider, MediaType type, List<Long> ids, ProviderException failure) {
        log.warn("Bulk job {}: {} items of {} failed {}: {} {}", jobId, ids.size(), type, ids, failure.code(), failure.getMessage());
        metrics.items(provider, type, BulkItemOutcome.FAILED, rows.failPending(jobId, ids, failure.code(), failure.getMessage()));
    }

    private void finishCheck(UUID jobId) {
        if (rows.finishIfDone(jobId)) {
            log.info("Bulk job {} done", jobId);
        }
    }
}
