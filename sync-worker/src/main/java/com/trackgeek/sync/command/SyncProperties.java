package com.trackgeek.sync.command;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param recentlySynced  a fetch for an item stored this recently is answered from the database, not the provider
 * @param notFoundTtl     how long a provider's "not found" is trusted before the provider is asked again
 * @param publishTimeout  longest wait for Kafka to acknowledge an outcome event
 */
@ConfigurationProperties("trackgeek.sync")
record SyncProperties(@DefaultValue("1m") Duration recentlySynced,
                      @DefaultValue("1h") Duration notFoundTtl,
                      @DefaultValue("10s") Duration publishTimeout) {
}
