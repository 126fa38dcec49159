package com.trackgeek.sync.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param highLaneEmbeddings how many of a search's new hits go to the high embedding lane (the first ones, in
 *                           the provider's order: those a person most likely opens next); the rest go low
 * @param publishTimeout     longest wait for Kafka to acknowledge a follow-up command
 */
@ConfigurationProperties("trackgeek.sync.search")
record ProviderSearchProperties(@DefaultValue("2") int highLaneEmbeddings,
                                @DefaultValue("10s") Duration publishTimeout) {

    ProviderSearchProperties {
        if (highLaneEmbeddings < 0) {
            throw new IllegalArgumentException("trackgeek.sync.search.high-lane-embeddings must be >= 0, was " + highLaneEmbeddings);
        }
    }
}
