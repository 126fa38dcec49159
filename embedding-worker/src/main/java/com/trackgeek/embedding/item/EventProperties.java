package com.trackgeek.embedding.item;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The {@code ItemEmbedded} events.
 *
 * @param publishTimeout longest wait for Kafka's acknowledgement of a chunk's events; the vectors are stored
 *                       whatever happens, so an event not acknowledged by then is logged and counted, not retried
 */
@ConfigurationProperties("trackgeek.embedding.events")
record EventProperties(@DefaultValue("10s") Duration publishTimeout) {
}
