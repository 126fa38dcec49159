package com.trackgeek.sync.command;

import com.trackgeek.contracts.ErrorCode;
import com.trackgeek.contracts.FetchRequested;
import com.trackgeek.contracts.MediaKey;
import com.trackgeek.contracts.SyncLane;
import com.trackgeek.contracts.SyncRequest;
import com.trackgeek.contracts.catalog.CatalogItem;
import com.trackgeek.servicekit.items.MediaItemStore;
import com.trackgeek.servicekit.items.StoredItem;
import com.trackgeek.sync.drift.DriftGuard;
import com.trackgeek.sync.drift.Verdict;
import com.trackgeek.sync.provider.MetadataProvider;
import com.trackgeek.sync.provider.MetadataProviders;
import com.trackgeek.sync.provider.ProviderCallTally;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.sync.provider.StorableItems;
import com.trackgeek.sync.state.SyncLedger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;


/**
 * One sync command from start to finish: claim it, fetch the item outside any transaction (provider calls
 * can take seconds), store item and outcome in one transaction, then announce the outcome. A command that
 * throws here past its retries is given up on; {@link GivenUpSyncRequests} then ends its request.
 */
@Component
class SyncCommandHandler {

    private static final Logger log = LoggerFactory.getLogger(SyncCommandHandler.class);

    private final MetadataProviders providers;
    private final MediaItemStore store;
    private final SyncLedger ledger;
    private final SyncOutcomePublisher publisher;
    private final TransactionTemplate transactions;
    private final SyncProperties properties;
    private final MeterRegistry meterRegistry;
    private final DriftGuard driftGuard;
    private final SyncFailures failures;

    SyncCommandHandler(MetadataProviders providers, MediaItemStore store, SyncLedger ledger, SyncOutcomePublisher publisher,
                       TransactionTemplate transactions, SyncProperties properties, MeterRegistry meterRegistry,
                       DriftGuard driftGuard, SyncFailures failures) {
        this.providers = providers;
        this.store = store;
        this.ledger = ledger;
        this.publisher = publisher;
        this.transactions = transactions;
        this.properties = properties;
        this.meterRegistry = meterRegistry;
        this.driftGuard = driftGuard;
        this.failures = failures;
    }

    void handle(SyncRequest request) {
        Timer.Sample sample = Timer.start(meterRegistry);
        String outcome = process(request);
        sample.stop(Timer.builder("trackgeek.sync.duration")
                .description("Time from taking a sync command to announcing its outcome")
                .tag("type", request.item().type().name())
                .tag("lane", request.lane().name().toLowerCase())
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(meterRegistry));
    }

    private String process(SyncRequest request) {
        var claim = transactions.execute(status -> ledger.claim(request));
        if (!claim.claimed()) {
            // Redelivered after its outcome was recorded: announce that outcome again, do nothing else. The
            // embedding request is repeated too: the crash may have come before it was published, and the
            // embedding worker skips an unchanged text at the cost of one hash.
            var finished = claim.finished();
            if (finished.done()) {
                publisher.synced(request, true);
            } else {
                publisher.failed(request, finished.errorCode(), finished.errorDetail());
            }
            return "replayed";
        }

        var key = request.item();
        if (request instanceof FetchRequested) {
            if (ledger.syncedWithin(key, properties.recentlySynced()).isPresent() || fullyStoredForBulk(request)) {
                transactions.executeWithoutResult(status -> ledger.recordAlreadyStored(request));
                publisher.synced(request, false);
                return "already_stored";
            }
            if (ledger.knownMissingWithin(key, properties.notFoundTtl())) {
                return fail(request, key.type().notFound(), "not found by the provider within the last " + properties.notFoundTtl());
            }
        }

        MetadataProvider provider;
        CatalogItem item;
        var calls = ProviderCallTally.open();
        try {
            provider = providers.ready(key.type());
            item = provider.fetch(key);
        } catch (ProviderException failure) {
            return fail(request, failure.code(), failure.getMessage());
        } finally {
            calls.close();
        }
        // Another item, no title, a title no real item has: failed with a code now, not refused by the store and
        // retried until given up as an internal error.
        var unstorable = StorableItems.unstorable(provider.provider(), key, item);
        if (unstorable.isPresent()) {
            return fail(request, unstorable.get().code(), unstorable.get().getMessage());
        }
        Verdict verdict = driftGuard.check(provider.provider(), storedFully(key), item);
        if (!verdict.writes()) {
            return fail(request, ErrorCode.PROVIDER_DRIFT_REFUSED, verdict.refusal(provider.provider()));
        }
        transactions.executeWithoutResult(status -> ledger.recordSynced(request, item, store.store(item)));
        publisher.synced(request, true);
        // One line per stored item, carrying the trace of the request that caused it (README: Tracing and logs).
        log.info("Stored {} from {} ({} lane, {} provider calls, request {})", key, provider.provider().name().toLowerCase(),
                request.lane().name().toLowerCase(), calls.calls(), request.requestId());
        return "synced";
    }

    /** The stored item a refresh would replace; null when there is none or only a search hit's partial one. */
    private CatalogItem storedFully(MediaKey key) {
        return store.find(key).filter(stored -> !stored.partial()).map(StoredItem::item).orElse(null);
    }

    /**
     * A bulk fetch (a search hit's follow-up, a bulk job's item) of an item that is fully stored by now, say
     * because a person opened it meanwhile: nothing to fetch; keeping it fresh is a refresh's job.
     */
    private boolean fullyStoredForBulk(SyncRequest request) {
        return request.lane() == SyncLane.BULK && store.isPartial(request.item()).filter(partial -> !partial).isPresent();
    }

    private String fail(SyncRequest request, ErrorCode code, String detail) {
        if (code == request.item().type().notFound() && store.isPartial(request.item()).filter(partial -> !partial).isPresent()) {
            return gone(request, code, detail);
        }
        log.info("Sync of {} (request {}) failed: {} {}", request.item(), request.requestId(), code, detail);
        transactions.executeWithoutResult(status -> ledger.recordFailed(request, code, detail));
        failures.failed(request, code);
        publisher.failed(request, code, detail);
        return code == request.item().type().notFound() ? "not_found" : "failed";
    }

    /**
     * The provider no longer has an item we hold (deleted upstream, or hidden by moderation for now): its data is
     * kept and served marked gone, and it is only re-checked rarely. The request fails with the not-found code.
     */
    private String gone(SyncRequest request, ErrorCode code, String detail) {
        log.info("{} is gone from its provider (request {}): {}", request.item(), request.requestId(), detail);
        transactions.executeWithoutResult(status -> ledger.recordGone(request, code, detail));
        failures.failed(request, code);
        publisher.failed(request, code, detail);
        return "gone";
    }
}
