package com.trackgeek.sync.changefeed;

import com.trackgeek.contracts.MediaType;
import com.trackgeek.sync.provider.ChangeFeed;
import com.trackgeek.sync.provider.MetadataProvider;
import com.trackgeek.sync.provider.ProviderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads every provider's change feed and makes the held items it names due now, so the sweeper refreshes them soon
 * and the items that did not change wait for their freshness threshold. Without this, finding out that a finished
 * title changed costs a refresh of every finished title.
 *
 * <p>Each feed (provider and media type) is read in one transaction: its advisory lock (a replica that finds it
 * taken leaves the feed to the one that has it), its position, the provider calls, the marks, the new position. A
 * crash or a provider failure rolls all of it back, so the next poll reads the same range again; marks are
 * idempotent. The transaction holds one connection for the calls of one feed (a few pages).
 *
 * <p>A feed read for the first time starts one interval back. A position further back than the feed reaches (TMDB:
 * 14 days, e.g. after a long outage) is read only for the part the feed covers: the older changes are left to the
 * timers, with a WARN and a gap counted.
 */
final class ChangeFeedPoller {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeedPoller.class);

    /** One feed read: what it named, what it made due, and what it cost. */
    record Poll(MediaType type, Instant from, Instant to, int idsSeen, int marked, int calls) {
    }

    private final List<MetadataProvider> providers;
    private final ChangeFeedRows rows;
    private final ChangeFeedProperties properties;
    private final ChangeFeedMetrics metrics;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ChangeFeedPoller(List<MetadataProvider> providers, ChangeFeedRows rows, ChangeFeedProperties properties,
                     ChangeFeedMetrics metrics, TransactionTemplate transactions, Clock clock) {
        this.providers = List.copyOf(providers);
        this.rows = rows;
        this.properties = properties;
        this.metrics = metrics;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${trackgeek.sync.change-feeds.interval:1h}",
            fixedDelayString = "${trackgeek.sync.change-feeds.interval:1h}")
    void scheduled() {
        if (properties.enabled()) {
            pollAll();
        }
    }

    /** Reads every feed of every configured provider once; a failing feed is logged and the others are read. */
    List<Poll> pollAll() {
        Instant now = clock.instant();
        return providers.stream()
                .filter(provider -> provider.missingSettings().isEmpty())
                .flatMap(provider -> provider.changeFeed().stream()
                        .flatMap(feed -> feed.mediaTypes().stream().sorted()
                                .flatMap(type -> poll(provider, feed, type, now).stream())))
                .toList();
    }

    private Optional<Poll> poll(MetadataProvider provider, ChangeFeed feed, MediaType type, Instant now) {
        try {
            return Optional.ofNullable(transactions.execute(status -> read(provider, feed, type, now)));
        } catch (RuntimeException failure) {
            // Provider down, credentials rejected, database hiccup: this feed waits for the next poll, the others go on.
            metrics.failed(provider.provider(), type);
            log.warn("The {} change feed of {} could not be read ({}); its position is kept and the next poll reads the"
                    + " range again: {}", provider.provider(), type,
                    failure instanceof ProviderException known ? known.code() : failure.getClass().getSimpleName(),
                    failure.getMessage());
            return Optional.empty();
        }
    }

    /** Null when another replica holds the feed or there is nothing to read yet. */
    private Poll read(MetadataProvider provider, ChangeFeed feed, MediaType type, Instant now) {
        if (!rows.tryLock(provider.provider(), type)) {
            return null;
        }
        Instant to = feed.settledUntil(now);
        Instant from = rows.polledThrough(provider.provider(), type).orElse(to.minus(properties.interval()));
        if (!from.isBefore(to)) {
            return null;
        }
        Instant reachable = to.minus(feed.reach());
        if (from.isBefore(reachable)) {
            metrics.gap(provider.provider(), type);
            log.warn("The {} change feed of {} was last read through {}, longer ago than the {} it covers: reading from {};"
                            + " changes in the {} before are left to the freshness timers",
                    provider.provider(), type, from, feed.reach(), reachable, Duration.between(from, reachable));
            from = reachable;
        }
        ChangeFeed.Changes changes = feed.changed(type, from, to);
        int marked = rows.markDue(type, changes.ids(), now, to);
        rows.advance(provider.provider(), type, to);
        metrics.polled(provider.provider(), type, changes.ids().size(), marked, changes.calls());
        log.info("The {} change feed of {} from {} to {}: {} ids named, {} held items made due, {} calls",
                provider.provider(), type, from, to, changes.ids().size(), marked, changes.calls());
        return new Poll(type, from, to, changes.ids().size(), marked, changes.calls());
    }
}
