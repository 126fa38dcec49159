package com.trackgeek.sync.bulk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the worker runs bulk jobs.
 *
 * @param idsPageSize      ids of an explicit id list recorded per expansion page (one transaction, one
 *                         {@code ExpandPage} record): a 10,000-id command is recorded in ten steps, none long
 * @param singleFetchBatch ids per {@code FetchItems} record for a provider that fetches one item per call (Jikan,
 *                         TMDB): one record then stays well inside {@code max.poll.interval.ms} even when several
 *                         threads share a provider's small budget, and a crash repeats little
 * @param freshFor         an item fully stored this recently is skipped as fresh, without a provider call
 * @param concurrency      consumer threads of the {@code bulk-work} container (at most the topic's partitions)
 * @param publishTimeout   longest wait for Kafka to acknowledge a job's work record or an item's events
 */
@ConfigurationProperties("trackgeek.sync.bulk")
record BulkProperties(@DefaultValue("1000") int idsPageSize,
                      @DefaultValue("5") int singleFetchBatch,
                      @DefaultValue("24h") Duration freshFor,
                      @DefaultValue("3") int concurrency,
                      @DefaultValue("10s") Duration publishTimeout) {

    BulkProperties {
        if (idsPageSize < 1 || singleFetchBatch < 1 || concurrency < 1) {
            throw new IllegalArgumentException("trackgeek.sync.bulk.ids-page-size, single-fetch-batch and concurrency"
                    + " must be at least 1, were " + idsPageSize + ", " + singleFetchBatch + ", " + concurrency);
        }
    }
}
