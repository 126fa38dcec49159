package com.trackgeek.servicekit.queuemetrics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How every service reports its queues.
 *
 * @param deployment         the {@code deployment} tag on every meter: which installation a series comes from when
 *                           several report to one Prometheus (local, compose, production, ...)
 * @param consumerLagInterval how often the backlog of the service's own consumer groups is read from Kafka
 * @param consumerLagTimeout  longest wait for Kafka's answer; the previous figures stay until one comes
 */
@ConfigurationProperties("trackgeek.metrics")
public record QueueMetricsProperties(
        @DefaultValue("local") String deployment,
        @DefaultValue("15s") Duration consumerLagInterval,
        @DefaultValue("5s") Duration consumerLagTimeout) {
}
