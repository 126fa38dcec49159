package com.trackgeek.sync.search;

import com.trackgeek.contracts.ProviderSearchRequested;
import com.trackgeek.contracts.catalog.CatalogItem;
import com.trackgeek.servicekit.items.MediaItemStore;
import com.trackgeek.servicekit.items.MediaItemStore.PartialWrite;
import com.trackgeek.sync.provider.MetadataProvider;
import com.trackgeek.sync.provider.MetadataProviders;
import com.trackgeek.sync.provider.ProviderException;
import com.trackgeek.sync.provider.SearchPage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One provider search from command to answer: ask the provider outside any transaction (through the same rate
 * limit and budget as every fetch), then, in one transaction, store its hits as partial items and write the
 * page into the search's row, which is what the API waits for; then publish the new hits' follow-ups.
 *
 * <p>Redelivery repeats nothing twice: a row already answered only has its unannounced follow-ups published
 * (a crash came between the commit and Kafka's acknowledgement), and a command whose row another search has
 * taken over is dropped: nobody waits for it any more.
 */
@Component
class ProviderSearchHandler {

    private static final Logger log = LoggerFactory.getLogger(ProviderSearchHandler.class);

    private final MetadataProviders providers;
    private final MediaItemStore store;
    private final ProviderSearchAnswers answers;
    private final SearchFollowUps followUps;
    private final TransactionTemplate transactions;
    private final MeterRegistry meterRegistry;

    ProviderSearchHandler(MetadataProviders providers, MediaItemStore store, ProviderSearchAnswers answers,
                          SearchFollowUps followUps, TransactionTemplate transactions, MeterRegistry meterRegistry) {
        this.providers = providers;
        this.store = store;
        this.answers = answers;
        this.followUps = followUps;
        this.transactions = transactions;
        this.meterRegistry = meterRegistry;
    }

    void handle(ProviderSearchRequested search) {
        Timer.Sample sample = Timer.start(meterRegistry);
        String outcome = process(search);
        sample.stop(Timer.builder("trackgeek.sync.search.duration")
                .description("Time from taking a provider search to its answer being stored")
                .tag("type", search.type().name())
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(meterRegistry));
    }

    private String process(ProviderSearchRequested search) {
        Optional<ProviderSearchAnswers.SearchRow> row = answers.find(search);
        if (row.isEmpty()) {
            log.debug("Provider search {} for {} '{}' was taken over by a newer one; dropped", search.searchId(),
                    search.type(), search.query());
            return "superseded";
        }
        if (!row.get().running()) {
            if (row.get().done() && !row.get().unannouncedIds().isEmpty()) {
                announce(search, row.get().unannouncedIds());
            }
            return "replayed";
        }

        SearchPage page;
        try {
            MetadataProvider provider = providers.ready(search.type());
            page = provider.search(search.type(), search.query(), search.page(), search.limit());
        } catch (ProviderException failure) {
            log.info("Provider search for {} '{}' page {} failed: {} {}", search.type(), search.query(), search.page(),
                    failure.code(), failure.getMessage());
            transactions.executeWithoutResult(status -> answers.fail(search, failure.code(), failure.getMessage()));
            return "failed";
        }

        List<Long> providerIds = new ArrayList<>();
        List<Long> newIds = new ArrayList<>();
        Boolean answered = transactions.execute(status -> {
            for (CatalogItem item : page.items()) {
                if (item.key().type() != search.type()) {
                    // A provider bug: it would file another type's item under this search.
                    throw new IllegalStateException("a " + search.type() + " search answered " + item.key());
                }
                if (providerIds.contains(item.key().id())) {
                    continue; // a provider may list one item twice on a page; it is one hit
                }
                providerIds.add(item.key().id());
                if (store.upsertPartial(item) == PartialWrite.INSERTED) {
                    newIds.add(item.key().id());
                }
            }
            if (!answers.answer(search, providerIds, page.total(), page.hasMore(), newIds)) {
                // Taken over while the provider answered: roll the items back too; the newer search stores them.
                status.setRollbackOnly();
                return false;
            }
            return true;
        });
        if (!Boolean.TRUE.equals(answered)) {
            return "superseded";
        }
        announce(search, newIds);
        log.debug("Provider search for {} '{}' page {}: {} hits, {} new", search.type(), search.query(), search.page(),
                providerIds.size(), newIds.size());
        return "answered";
    }

    private void announce(ProviderSearchRequested search, List<Long> newIds) {
        if (newIds.isEmpty()) {
            return;
        }
        followUps.publish(search, newIds);
        transactions.executeWithoutResult(status -> answers.announced(search));
    }
}
